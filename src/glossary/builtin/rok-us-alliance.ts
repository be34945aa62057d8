/**
 * The built-in glossary: the terms a reader of Kyeongdoo Jeong's "The Future of the ROK-U.S. Alliance"
 * (CSIS, 2025-09-30) could stumble on. Explanations are our own words and add only well-known facts;
 * every quote stands verbatim in the article (../shared/seed/rok-us-alliance-article.txt), except that
 * spaces the source itself dropped ("countriesand", "designatedSouth") are restored. Each quote carries
 * the heading it stands under; tests/unit/glossary/builtin-pack.test.ts checks both.
 *
 * Alias rules: acronyms are case-sensitive (they match in capitals and, in English text, title case);
 * phrases are not. No alias is a common word on its own, and no two entries claim aliases with the
 * same aliasKey. An alias that has other meanings outside this subject (UNC is also a university,
 * CSIS a Canadian agency, "operational control" a term of management) is `inContext`: marked only on a
 * page that also names the entry another way or mentions two other entries.
 */
import type { Alias, GlossaryPack } from '../model';

// Section headings, as the article prints them. Text before the first heading stands under the title;
// the "Korea Chair Platform" note after the conclusion stands under "Conclusion".
const TITLE = 'The Future of the ROK-U.S. Alliance: Adapting to a Changing World';
const ESTABLISHMENT = 'The Establishment and Development of the U.S.-ROK Alliance';
const SHIFTS = 'Shifts in the International Security Environment';
const ISSUES =
  'Major Security Issues of the ROK-U.S. Alliance Arising from Shifts in the International Security Environment';
const FUTURE = 'Desirable Future for the ROK-U.S. Alliance';
const CONCLUSION = 'Conclusion';

/** An acronym or proper name that must keep its capitals ("THAAD", also "Thaad"; never "thaad"). */
const acronym = (text: string): Alias => ({ text, lang: 'en', caseSensitive: true });
/** An English phrase, matched in any case. */
const phrase = (text: string): Alias => ({ text, lang: 'en', caseSensitive: false });
/** A Korean form (Hangul has no case). */
const ko = (text: string): Alias => ({ text, lang: 'ko', caseSensitive: true });
/** An alias with other meanings elsewhere: marked only in context (see the model's `ambiguous`). */
const inContext = (alias: Alias): Alias => ({ ...alias, ambiguous: true });
const zhHant = (text: string): Alias => ({ text, lang: 'zh-Hant', caseSensitive: true });
const zhHans = (text: string): Alias => ({ text, lang: 'zh-Hans', caseSensitive: true });

// Passages quoted by more than one entry.
const Q_INTRO =
  "For more than seven decades, the ROK-U.S. alliance has stood as an ironclad partnership, shaping not only the security of the Korean Peninsula but also the broader trajectory of the Republic of Korea (ROK)'s national development.";
const Q_TREATY =
  'After the Korean War in 1953, the ROK-U.S. Mutual Defense Treaty was concluded to deter war and prevent communist influence on the Korean Peninsula, and it began as a military security alliance.';
const Q_THAAD =
  'It repeatedly presses Korea to move away from a U.S.-aligned foreign policy and insists that the so-called "Three No\'s" policy on Terminal High Altitude Area Defense (THAAD) remains immutable.';
const Q_RARE_EARTHS =
  'China weaponized rare earth resources, which account for about 60 percent of global reserves, and has confronted the United States directly by declaring anti-dumping duties of 33.3 percent to 78 percent on U.S. specialty optical fibers on the day of its 80th Victory Day "military show."';
const Q_A2AD =
  'In 1982, Beijing adopted its anti-access/area denial (A2AD) strategy, anchored by the establishment of the first island chain.';
const Q_TODAY =
  'Today, China underscores the "One China" principle on issues of Senkaku sovereignty and Taiwan, presses its maritime claims by constructing 12 artificial islands in the South China Sea and building structures in Korea\'s Yellow Sea, and in 2022, it signed a security cooperation pact with the Solomon Islands-an unmistakable sign of its expansion into the Pacific.';
const Q_NEW_COLD_WAR =
  'Alongside these trends, a new Cold War dynamic has taken shape, pitting the ROK-U.S.-Japan trilateral against a North Korea-China-Russia bloc.';
const Q_FLEXIBILITY =
  'First, regarding the strategic flexibility of U.S. Forces Korea, there is the issue of expanding participation in the Indo-Pacific strategy and strengthening ROK-U.S.-Japan security cooperation.';
const Q_INDO_PACIFIC =
  'The main content is that the ROK military responds proactively to North Korean threats, while U.S. Forces Korea is expanded and adjusted to deter China in the Indo-Pacific region.';
const Q_SINCE_2006 =
  'Since 2006, during the process of transitioning operational control, negative opinions have been expressed, such as the withdrawal of U.S. Forces Korea, the dissolution of the UN Command, and the reorganization of the combined command system.';
const Q_NUCLEAR_UMBRELLA =
  'For this reason, Washington should make an explicit commitment to its extended deterrence-the nuclear umbrella-while preserving a degree of strategic ambiguity when it comes to flexibility in force posture.';
const Q_HANDOVER =
  "Even after the handover, U.S. Forces Korea should remain on the Korean peninsula to fulfill Washington's defense commitments, while the UN Command-long a stabilizing force in deterring armed conflict-continues to operate and receive support.";
const Q_INSTITUTIONAL_TIES =
  'At the same time, institutional ties among the ROK Joint Chiefs of Staff, the Combined Forces Command, U.S. Forces Korea, and the UN Command should be further developed.';
const Q_KOREA_CHAIR =
  'The Korea Chair Platform is produced by the Center for Strategic and International Studies (CSIS), a private, tax-exempt institution focusing on international public policy issues.';

export const builtinPack: GlossaryPack = {
  schemaVersion: 1,
  id: 'csis-rok-us-alliance-2025',
  name: 'The Future of the ROK-U.S. Alliance (CSIS, 2025)',
  version: '1.0.0',
  languages: ['en', 'ko', 'zh'],
  source: {
    title: 'The Future of the ROK-U.S. Alliance: Adapting to a Changing World',
    author: 'Kyeongdoo Jeong',
    publisher: 'Center for Strategic and International Studies (CSIS)',
    date: '2025-09-30',
    url: 'https://www.pubt.io/view/2E84A587369A0F7334002EE35BC6C0A23B5F7B3B',
  },
  entries: [
    // ── The alliance and its institutions ────────────────────────────────────────────────────────────
    {
      id: 'rok',
      term: 'ROK',
      expansion: 'Republic of Korea',
      aliases: [acronym('ROK'), phrase('Republic of Korea'), ko('대한민국')],
      category: 'place',
      explanation:
        'The Republic of Korea is the official name of South Korea; "ROK" is the abbreviation used in diplomatic and military writing.',
      quotes: [{ text: Q_INTRO, section: TITLE }],
      related: ['rok-us-alliance'],
    },
    {
      id: 'rok-us-alliance',
      term: 'ROK-U.S. alliance',
      aliases: [
        phrase('ROK-U.S. alliance'),
        phrase('U.S.-ROK alliance'),
        phrase('ROK-US alliance'),
        phrase('US-ROK alliance'),
        phrase('Korea-U.S. alliance'),
        phrase('U.S.-Korea alliance'),
        phrase('global comprehensive strategic alliance'),
        ko('한미동맹'),
      ],
      category: 'treaty',
      explanation:
        'The military alliance between South Korea and the United States, founded on the 1953 Mutual Defense Treaty. In 2009 the two governments agreed to broaden it into a "comprehensive strategic alliance", since 2022 called a "global comprehensive strategic alliance".',
      quotes: [
        { text: Q_TREATY, section: ESTABLISHMENT },
        {
          text: 'Fifth, it has developed into a global comprehensive strategic alliance, starting from a military security alliance and expanding into the fields of economy, science and technology, culture, health care, space, and cybersecurity.',
          section: ESTABLISHMENT,
        },
        {
          text: 'The ROK-U.S. alliance, which has developed into the most powerful alliance in the world over the past 72 years, can continue to develop as the most exemplary alliance in the world if the spirit of "respect" and "consideration" is maintained.',
          section: CONCLUSION,
        },
      ],
      related: ['rok', 'mutual-defense-treaty', 'usfk', 'combined-forces-command'],
    },
    {
      id: 'mutual-defense-treaty',
      term: 'ROK-U.S. Mutual Defense Treaty',
      aliases: [
        phrase('ROK-U.S. Mutual Defense Treaty'),
        phrase('U.S.-ROK Mutual Defense Treaty'),
        phrase('ROK-US Mutual Defense Treaty'),
        phrase('US-ROK Mutual Defense Treaty'),
        phrase('Korea-U.S. Mutual Defense Treaty'),
        phrase('Mutual Defense Treaty between the United States and the Republic of Korea'),
        ko('한미상호방위조약'),
      ],
      category: 'treaty',
      explanation:
        'The treaty signed on 1 October 1953, after the Korean War armistice, and in force since 1954, under which each side pledges to act against an armed attack on the other. It also grants the United States the right to station forces in and around South Korea.',
      quotes: [{ text: Q_TREATY, section: ESTABLISHMENT }],
      related: ['rok-us-alliance', 'usfk', 'extended-deterrence'],
    },
    {
      id: 'usfk',
      term: 'USFK',
      expansion: 'United States Forces Korea',
      aliases: [
        acronym('USFK'),
        phrase('U.S. Forces Korea'),
        phrase('US Forces Korea'),
        phrase('United States Forces Korea'),
        phrase('U.S. Forces, Korea'),
        ko('주한미군'),
      ],
      category: 'military command',
      explanation:
        'The U.S. command for the roughly 28,500 American troops stationed in South Korea, headquartered at Camp Humphreys in Pyeongtaek. Its commander also leads the UN Command and the Combined Forces Command.',
      quotes: [
        { text: Q_FLEXIBILITY, section: ISSUES },
        { text: Q_HANDOVER, section: FUTURE },
      ],
      related: ['strategic-flexibility', 'defense-cost-sharing', 'un-command', 'combined-forces-command'],
    },
    {
      id: 'un-command',
      term: 'UN Command',
      expansion: 'United Nations Command',
      aliases: [
        inContext(acronym('UNC')),
        phrase('UN Command'),
        phrase('U.N. Command'),
        phrase('United Nations Command'),
        ko('유엔사'),
        ko('유엔군사령부'),
      ],
      category: 'military command',
      explanation:
        'The multinational command set up in 1950 under UN Security Council resolutions to lead the forces defending South Korea in the Korean War. It signed the 1953 Armistice Agreement, still oversees it, and is led by the commander of U.S. Forces Korea.',
      quotes: [
        { text: Q_SINCE_2006, section: ISSUES },
        { text: Q_HANDOVER, section: FUTURE },
      ],
      related: ['usfk', 'combined-forces-command', 'opcon'],
    },
    {
      id: 'combined-forces-command',
      term: 'Combined Forces Command',
      expansion: 'ROK-U.S. Combined Forces Command',
      aliases: [
        inContext(acronym('CFC')),
        phrase('Combined Forces Command'),
        phrase('ROK-U.S. Combined Forces Command'),
        ko('한미연합사'),
        ko('연합사'),
        ko('한미연합군사령부'),
      ],
      category: 'military command',
      explanation:
        'The binational headquarters, created in 1978, that would command South Korean and U.S. forces together in wartime; a U.S. four-star general (the USFK commander) leads it with a Korean four-star deputy. Under the OPCON transition plan, a Korean general is to take command.',
      quotes: [
        { text: Q_INSTITUTIONAL_TIES, section: FUTURE },
        { text: Q_SINCE_2006, section: ISSUES },
      ],
      related: ['opcon', 'usfk', 'rok-jcs', 'un-command'],
    },
    {
      id: 'rok-jcs',
      term: 'ROK Joint Chiefs of Staff',
      expansion: 'Joint Chiefs of Staff (of the Republic of Korea)',
      aliases: [
        inContext(acronym('JCS')),
        acronym('ROK JCS'),
        phrase('ROK Joint Chiefs of Staff'),
        phrase("South Korea's Joint Chiefs of Staff"),
        phrase('South Korean Joint Chiefs of Staff'),
        ko('합참'),
        ko('합동참모본부'),
      ],
      category: 'military command',
      explanation:
        "South Korea's top military headquarters, headed by the Chairman of the Joint Chiefs of Staff, which directs the operations of the army, navy, marine corps and air force. The United States has a separate Joint Chiefs of Staff of its own.",
      quotes: [{ text: Q_INSTITUTIONAL_TIES, section: FUTURE }],
      related: ['combined-forces-command', 'opcon'],
    },
    {
      id: 'rokaf-operations-command',
      term: 'ROK Air Force Operations Command',
      aliases: [
        phrase('ROK Air Force Operations Command'),
        phrase('Air Force Operations Command'),
        ko('공군작전사령부'),
      ],
      category: 'military command',
      explanation:
        "The Republic of Korea Air Force's operational headquarters, which plans and directs its air combat operations. It is based at Osan Air Base, alongside the U.S. Seventh Air Force.",
      quotes: [
        {
          text: "Through the establishment of the ROK Air Force Operations Command, it has established the world's strongest operational capabilities as well as a systematic defense management system, including planning, personnel, and logistics.",
          section: ESTABLISHMENT,
        },
      ],
      related: ['rok-jcs'],
    },
    {
      id: 'opcon',
      term: 'OPCON',
      expansion: 'Operational control (here, wartime operational control)',
      aliases: [
        acronym('OPCON'),
        phrase('wartime OPCON'),
        phrase('OPCON transition'),
        phrase('OPCON transfer'),
        inContext(phrase('operational control')),
        phrase('wartime operational control'),
        phrase('transition of wartime operational control'),
        phrase('transfer of wartime operational control'),
        phrase('wartime operational control transition'),
        ko('전시작전통제권'),
        ko('전작권'),
        ko('전시작전통제권 전환'),
        ko('전작권 전환'),
        ko('작전통제권'),
      ],
      category: 'policy',
      explanation:
        'Operational control is the authority to direct forces assigned to a commander. South Korea regained peacetime OPCON of its forces in 1994, but in wartime they would come under the U.S.-led Combined Forces Command; handing that wartime authority to Seoul has been planned since 2006 and is now tied to conditions.',
      quotes: [
        {
          text: `Fourth, there is the issue of the transition of wartime operational control. ${Q_SINCE_2006}`,
          section: ISSUES,
        },
        {
          text: 'The transition of wartime operational control should proceed under the existing plan, with strict adherence to agreed procedures and minimal political interference. As outlined in prior ROK-U.S. agreements, the transfer must be conditioned on specific benchmarks being met.',
          section: FUTURE,
        },
      ],
      related: ['combined-forces-command', 'usfk', 'un-command', 'rok-jcs'],
    },
    {
      id: 'extended-deterrence',
      term: 'Extended deterrence',
      aliases: [phrase('extended deterrence'), ko('확장억제'), ko('확장억지')],
      category: 'strategy',
      explanation:
        'A U.S. commitment to deter attacks on its allies, not only on itself, with the full range of its military capabilities, nuclear weapons included. For South Korea it was reaffirmed in the 2023 Washington Declaration, which set up the Nuclear Consultative Group.',
      quotes: [
        { text: Q_NUCLEAR_UMBRELLA, section: FUTURE },
        {
          text: 'This arrangement would allow South Korea to steadily expand its capacity to lead combined defense while the United States continues to provide complementary and sustaining capabilities, including the assurance of extended deterrence against external aggression.',
          section: FUTURE,
        },
      ],
      related: ['nuclear-umbrella', 'mutual-defense-treaty', 'usfk'],
    },
    {
      id: 'nuclear-umbrella',
      term: 'Nuclear umbrella',
      aliases: [phrase('nuclear umbrella'), ko('핵우산')],
      category: 'strategy',
      explanation:
        'The protection a nuclear-armed state gives allies without nuclear weapons by pledging to use its own, if necessary, in response to an attack on them. It is the nuclear part of extended deterrence.',
      quotes: [{ text: Q_NUCLEAR_UMBRELLA, section: FUTURE }],
      related: ['extended-deterrence'],
    },
    {
      id: 'strategic-flexibility',
      term: 'Strategic flexibility',
      aliases: [phrase('strategic flexibility'), ko('전략적 유연성')],
      category: 'strategy',
      explanation:
        'The U.S. aim of being free to use forces stationed in South Korea for contingencies beyond the Korean Peninsula. In a 2006 agreement Seoul said it respects this, while Washington said it respects the Korean position of not being drawn into a regional conflict in Northeast Asia against the will of the Korean people.',
      quotes: [
        { text: Q_FLEXIBILITY, section: ISSUES },
        { text: Q_INDO_PACIFIC, section: ISSUES },
      ],
      related: ['usfk', 'indo-pacific-strategy', 'strategic-ambiguity'],
    },
    {
      id: 'strategic-ambiguity',
      term: 'Strategic ambiguity',
      aliases: [phrase('strategic ambiguity'), ko('전략적 모호성')],
      category: 'strategy',
      explanation:
        'A deliberate policy of leaving unclear how a country would act in a given situation, so as to deter an adversary without committing itself. It is best known from the U.S. stance on whether it would defend Taiwan.',
      quotes: [{ text: Q_NUCLEAR_UMBRELLA, section: FUTURE }],
      related: ['strategic-flexibility', 'extended-deterrence'],
    },
    {
      id: 'indo-pacific-strategy',
      term: 'Indo-Pacific strategy',
      aliases: [
        phrase('Indo-Pacific strategy'),
        ko('인도태평양 전략'),
        ko('인도·태평양 전략'),
        ko('인태전략'),
      ],
      category: 'strategy',
      explanation:
        'The U.S. strategy for a "free and open" region stretching from the Indian Ocean to the western Pacific, pursued largely through alliances and partnerships as China grows stronger. Washington published a formal Indo-Pacific Strategy in 2022, and South Korea issued its own that December.',
      quotes: [
        { text: Q_FLEXIBILITY, section: ISSUES },
        { text: Q_INDO_PACIFIC, section: ISSUES },
      ],
      related: ['strategic-flexibility', 'rok-us-japan-trilateral', 'usfk'],
    },
    {
      id: 'rok-us-japan-trilateral',
      term: 'ROK-U.S.-Japan trilateral cooperation',
      aliases: [
        phrase('ROK-U.S.-Japan trilateral'),
        phrase('ROK-U.S.-Japan cooperation'),
        phrase('ROK-U.S.-Japan security cooperation'),
        phrase('U.S.-Japan-ROK trilateral'),
        phrase('U.S.-Japan-ROK cooperation'),
        phrase('Korea-U.S.-Japan trilateral'),
        ko('한미일 협력'),
        ko('한미일 안보협력'),
      ],
      category: 'policy',
      explanation:
        'Security cooperation among South Korea, the United States and Japan, such as sharing missile-warning data and holding joint exercises. It was institutionalized at the 2023 Camp David summit, which set up regular trilateral meetings.',
      quotes: [
        {
          text: 'Yet given the strength of the U.S.-Japan alliance, building a future-oriented framework for ROK-U.S.-Japan cooperation is more important than ever.',
          section: SHIFTS,
        },
        { text: Q_FLEXIBILITY, section: ISSUES },
        { text: Q_NEW_COLD_WAR, section: SHIFTS },
      ],
      related: ['indo-pacific-strategy', 'new-cold-war'],
    },
    {
      id: 'defense-cost-sharing',
      term: 'Defense cost-sharing',
      expansion: 'SMA: Special Measures Agreement',
      aliases: [
        phrase('defense cost-sharing'),
        phrase('defence cost-sharing'),
        phrase('Special Measures Agreement'),
        inContext(acronym('SMA')),
        ko('방위비 분담금'),
        ko('방위비분담금'),
        ko('방위비 분담'),
        ko('방위비분담특별협정'),
      ],
      category: 'policy',
      explanation:
        "Under Special Measures Agreements (SMAs), multi-year deals negotiated since 1991, South Korea pays part of the cost of stationing U.S. Forces Korea, chiefly Korean workers' wages, construction and logistics support.",
      quotes: [
        {
          text: 'Third, there is a demand to increase the defense cost-sharing of U.S. Forces Korea. It is requested to increase it to the level of $10 billion (currently at the $1.1-1.2 billion level).',
          section: ISSUES,
        },
        {
          text: 'The debate over defense cost-sharing should be resolved through a clear understanding of the facts and a rational negotiation process. South Korea is already a model contributor to the upkeep of U.S. Forces Korea. Beyond direct financial support, Seoul also bears significant indirect costs-such as land and facility use, tax exemptions, and weapons purchases-that deserve recognition.',
          section: FUTURE,
        },
      ],
      related: ['usfk', 'defense-budget-gdp'],
    },
    {
      id: 'defense-budget-gdp',
      term: 'Defense budget as a share of GDP',
      aliases: [
        phrase('ROK defense budget'),
        phrase('defense budget share of GDP'),
        phrase('defense spending as a share of GDP'),
        phrase('defense budget as a share of GDP'),
      ],
      category: 'economy',
      explanation:
        "A country's defense budget as a percentage of its gross domestic product (GDP) is the usual yardstick of its defense effort. NATO's long-standing guideline was 2 percent; in 2025 NATO allies agreed on 5 percent by 2035, 3.5 percent of it for core defense.",
      quotes: [
        {
          text: 'Second, there is a demand to increase the ROK defense budget. It is required that the ROK defense budget be increased to 3.5 percent to 3.8 percent of GDP (currently at the 2.3 percent level).',
          section: ISSUES,
        },
        {
          text: "Demands for a larger ROK defense budget can also be partially met. With South Korea's military already ranked fifth in the world, it is unrealistic to hold Seoul to the same spending benchmarks as other countries.",
          section: FUTURE,
        },
      ],
      related: ['defense-cost-sharing', 'global-firepower'],
    },
    {
      id: 'masga',
      term: 'MASGA',
      expansion: 'Make American Shipbuilding Great Again',
      aliases: [
        acronym('MASGA'),
        phrase('MASGA project'),
        phrase('Make American Shipbuilding Great Again'),
        ko('마스가'),
      ],
      category: 'economy',
      explanation:
        '"Make American Shipbuilding Great Again": the shipbuilding cooperation package South Korea offered in its 2025 tariff talks with the United States, with about $150 billion for investment in U.S. shipyards, shipbuilding and workforce training.',
      quotes: [
        {
          text: "Initiatives such as the shipbuilding cooperation program (MASGA project), along with Korea's competitive edge in semiconductors, secondary batteries, nuclear power plants, and the defense industry, should be leveraged to reinforce the alliance.",
          section: FUTURE,
        },
      ],
      related: ['secondary-batteries', 'rok-us-alliance'],
    },
    {
      id: 'secondary-batteries',
      term: 'Secondary batteries',
      aliases: [phrase('secondary batteries'), phrase('secondary battery'), ko('이차전지'), ko('2차전지')],
      category: 'economy',
      explanation:
        "Rechargeable batteries, such as the lithium-ion cells in electric vehicles and phones. South Korea's LG Energy Solution, Samsung SDI and SK On are among the largest makers.",
      quotes: [
        {
          text: "Initiatives such as the shipbuilding cooperation program (MASGA project), along with Korea's competitive edge in semiconductors, secondary batteries, nuclear power plants, and the defense industry, should be leveraged to reinforce the alliance.",
          section: FUTURE,
        },
      ],
      related: ['masga'],
    },
    {
      id: 'offset-procedure',
      term: 'Offset procedure',
      aliases: [
        phrase('offset procedure'),
        phrase('offset procedures'),
        phrase('defense offset'),
        phrase('defense offsets'),
        phrase('offset trade'),
        ko('절충교역'),
      ],
      category: 'policy',
      explanation:
        'In arms purchases, an offset is a condition that the foreign seller give something back to the buying country, such as technology transfer, local production or purchases from its industry. South Korea calls it "절충교역" and has used it to build its own defense industry.',
      quotes: [
        {
          text: 'When introducing advanced weapons, it applied the offset procedure and transferred technology for trainer and fighter aircraft development.',
          section: ESTABLISHMENT,
        },
      ],
      related: ['global-firepower'],
    },
    {
      id: 'global-firepower',
      term: 'Global FirePower',
      aliases: [phrase('Global FirePower'), phrase('Global Firepower Index'), ko('글로벌 파이어파워')],
      category: 'publication',
      explanation:
        "An annual online ranking (globalfirepower.com) of countries' conventional military strength, computed from dozens of factors such as manpower, equipment, finances and logistics.",
      quotes: [
        {
          text: 'According to the Global FirePower, the Republic of Korea has risen to a military power ranked fifth in the world.',
          section: ESTABLISHMENT,
        },
      ],
      related: ['defense-budget-gdp'],
    },
    {
      id: 'oecd',
      term: 'OECD',
      expansion: 'Organisation for Economic Co-operation and Development',
      aliases: [
        acronym('OECD'),
        phrase('Organisation for Economic Co-operation and Development'),
        phrase('Organization for Economic Co-operation and Development'),
        ko('경제협력개발기구'),
      ],
      category: 'organization',
      explanation:
        'A Paris-based intergovernmental organization of 38 mostly high-income democracies that compares economic data and coordinates policy. South Korea joined in 1996.',
      quotes: [
        {
          text: 'Third, it achieved political democratization, became a country that respects the universal values of freedom, democracy, and human rights of the international community, and became a member of the Organisation for Economic Co-operation and Development.',
          section: ESTABLISHMENT,
        },
      ],
      related: ['rok'],
    },

    // ── The regional environment: North Korea and Russia ─────────────────────────────────────────────
    {
      id: 'north-korea-russia-treaty',
      term: 'North Korea–Russia treaty',
      aliases: [
        phrase('North Korea-Russia treaty'),
        phrase('Russia-North Korea treaty'),
        phrase('DPRK-Russia treaty'),
        ko('북러 조약'),
        ko('북러 포괄적 전략적 동반자 관계 조약'),
      ],
      category: 'treaty',
      explanation:
        'The Treaty on Comprehensive Strategic Partnership signed by Kim Jong Un and Vladimir Putin in Pyongyang in June 2024. Each side pledges to give the other military assistance without delay if it is attacked.',
      quotes: [
        {
          text: "With North Korea's dispatch of troops to the Ukraine War as an opportunity, it strengthened the relationship by concluding a North Korea-Russia treaty.",
          section: SHIFTS,
        },
        {
          text: 'Its deepening military ties with Russia have further sharpened bloc-to-bloc confrontation, and with Pyongyang having erased the very concept of unification from its political vocabulary, the prospects for renewed dialogue remain bleak.',
          section: SHIFTS,
        },
      ],
      related: ['new-cold-war', 'unfriendly-countries'],
    },
    {
      id: 'unfriendly-countries',
      term: 'Russia\'s "unfriendly" countries list',
      aliases: [
        // As the article prints it: the quotation marks themselves make the ordinary word a term.
        inContext(phrase('"unfriendly"')),
        inContext(phrase('“unfriendly”')),
        phrase('unfriendly nation'),
        phrase('unfriendly nations'),
        phrase('unfriendly countries'),
        phrase('unfriendly states'),
        phrase('list of unfriendly countries'),
        ko('비우호국'),
      ],
      category: 'policy',
      explanation:
        'Since March 2022 Russia has kept an official list of "unfriendly" foreign states, those that imposed sanctions over its invasion of Ukraine, and applies restrictions to them and their companies. South Korea has been on the list from the start.',
      quotes: [
        {
          text: 'Russia designated South Korea as an "unfriendly" nation because it participated in sanctions against Russia for the Ukraine War.',
          section: SHIFTS,
        },
      ],
      related: ['north-korea-russia-treaty'],
    },
    {
      id: 'new-cold-war',
      term: 'New Cold War',
      aliases: [phrase('new Cold War'), phrase('Cold War 2.0'), ko('신냉전')],
      category: 'concept',
      explanation:
        'A label for the rivalry between the United States and its allies on one side and China and Russia (with partners such as North Korea) on the other, likened to the U.S.-Soviet Cold War of 1947–1991.',
      quotes: [
        {
          text: 'The Putin regime has been solidified, and the new Cold War structure is highly likely to be prolonged.',
          section: SHIFTS,
        },
        { text: Q_NEW_COLD_WAR, section: SHIFTS },
      ],
      related: ['north-korea-russia-treaty', 'rok-us-japan-trilateral', 'decoupling'],
    },
    {
      id: 'non-traditional-security-threats',
      term: 'Non-traditional security threats',
      aliases: [
        phrase('non-traditional security threats'),
        phrase('non-traditional security threat'),
        phrase('non-traditional security'),
        ko('비전통 안보위협'),
        ko('비전통적 안보위협'),
        ko('비전통 안보'),
      ],
      category: 'concept',
      explanation:
        "Dangers to a country's security that do not come from another state's armed forces, such as pandemics, climate change, terrorism, cyberattacks and natural disasters.",
      quotes: [
        {
          text: 'At the same time, the rapid advance of science and technology has amplified non-traditional security threats-from space and cyber to climate change, pandemics, terrorism, and natural disasters-that no nation can manage alone.',
          section: SHIFTS,
        },
      ],
      related: ['new-cold-war'],
    },

    // ── China ─────────────────────────────────────────────────────────────────────────────────────
    {
      id: 'thaad',
      term: 'THAAD',
      expansion: 'Terminal High Altitude Area Defense',
      aliases: [
        acronym('THAAD'),
        phrase('Terminal High Altitude Area Defense'),
        ko('사드'),
        ko('고고도미사일방어체계'),
      ],
      category: 'weapon system',
      explanation:
        'A U.S. Army missile defense system that intercepts short- and medium-range ballistic missiles in the last (terminal) phase of flight by hitting them directly. A battery deployed in Seongju, South Korea, in 2017 drew Chinese economic retaliation.',
      quotes: [{ text: Q_THAAD, section: SHIFTS }],
      related: ['three-nos'],
    },
    {
      id: 'three-nos',
      term: "Three No's",
      aliases: [
        phrase("Three No's"),
        phrase('Three Nos'),
        phrase('Three Noes'),
        ko('3불 정책'),
        ko('사드 3불'),
        ko('3불'),
      ],
      category: 'policy',
      explanation:
        'The stance South Korea stated in October 2017 to ease Chinese retaliation over THAAD: no additional THAAD deployment, no joining a U.S. missile defense network, and no trilateral military alliance with the United States and Japan.',
      quotes: [{ text: Q_THAAD, section: SHIFTS }],
      related: ['thaad', 'rok-us-japan-trilateral'],
    },
    {
      id: 'yellow-sea-structures',
      term: 'Yellow Sea structures',
      aliases: [
        phrase('structures in the Yellow Sea'),
        phrase("structures in Korea's Yellow Sea"),
        phrase('Yellow Sea structures'),
        phrase('Yellow Sea structure'),
        ko('서해 구조물'),
      ],
      category: 'place',
      explanation:
        'Since 2018 China has placed large steel structures, which it calls aquaculture (fish-farming) facilities, in the Provisional Measures Zone of the Yellow Sea where Korean and Chinese maritime claims overlap. Seoul fears they could later back territorial claims.',
      quotes: [
        {
          text: "Beijing has sought to expand its military footprint, including through the construction of structures in the Yellow Sea, while maintaining a heavy-handed posture toward Seoul's diplomacy.",
          section: SHIFTS,
        },
        { text: Q_TODAY, section: SHIFTS },
      ],
      related: ['south-china-sea-artificial-islands', 'first-island-chain'],
    },
    {
      id: 'china-dream',
      term: 'China Dream',
      aliases: [
        phrase('China Dream'),
        phrase('Chinese Dream'),
        zhHant('中國夢'),
        zhHans('中国梦'),
        ko('중국몽'),
      ],
      category: 'concept',
      explanation:
        'Xi Jinping\'s signature slogan since 2012 for "the great rejuvenation of the Chinese nation". 2049 is the centenary of the People\'s Republic of China, the date by which it is to be achieved.',
      quotes: [
        {
          text: 'Guided by the vision of the "China Dream" (中國夢), Beijing openly aspires to overtake the United States by 2049 and claim global leadership.',
          section: SHIFTS,
        },
      ],
      related: ['decoupling', 'first-island-chain'],
    },
    {
      id: 'decoupling',
      term: 'Decoupling',
      aliases: [phrase('decoupling'), phrase('decouple'), phrase('economic decoupling'), ko('디커플링')],
      category: 'economy',
      explanation:
        'Cutting economic ties with a rival, such as trade, investment and supply chains, so as to end dependence on it; used above all of the United States and China.',
      quotes: [
        {
          text: 'Washington attempted to "decouple" in order to reduce economic dependence on China, but the two economies are too deeply intertwined, particularly in manufacturing and trade.',
          section: SHIFTS,
        },
      ],
      related: ['derisking', 'rare-earths'],
    },
    {
      id: 'derisking',
      term: 'Derisking',
      aliases: [phrase('derisking'), phrase('de-risking'), phrase('de-risk'), ko('디리스킹')],
      category: 'economy',
      explanation:
        'A narrower alternative to decoupling: keeping most economic ties with China while reducing dependence in sensitive areas such as advanced technology and critical supply chains. The term spread in 2023 among European and U.S. officials.',
      quotes: [
        {
          text: 'As a result, U.S. strategy has shifted toward "derisking"-curbing the leakage of advanced technologies while managing the realities of economic interdependence.',
          section: SHIFTS,
        },
      ],
      related: ['decoupling'],
    },
    {
      id: 'rare-earths',
      term: 'Rare earths',
      aliases: [
        phrase('rare earths'),
        phrase('rare earth'),
        phrase('rare earth elements'),
        phrase('rare earth resources'),
        phrase('rare earth minerals'),
        ko('희토류'),
      ],
      category: 'economy',
      explanation:
        'A group of 17 metals (the lanthanides plus scandium and yttrium) used in magnets, electronics and weapons. China dominates their mining and especially their processing, and has restricted exports as leverage.',
      quotes: [{ text: Q_RARE_EARTHS, section: SHIFTS }],
      related: ['anti-dumping-duties', 'decoupling'],
    },
    {
      id: 'anti-dumping-duties',
      term: 'Anti-dumping duties',
      aliases: [
        phrase('anti-dumping duties'),
        phrase('anti-dumping duty'),
        phrase('anti-dumping'),
        ko('반덤핑 관세'),
      ],
      category: 'economy',
      explanation:
        'Extra import tariffs a country levies on goods it finds are sold to it below their normal price ("dumping"), usually after a trade investigation under WTO rules.',
      quotes: [{ text: Q_RARE_EARTHS, section: SHIFTS }],
      related: ['rare-earths', 'victory-day'],
    },
    {
      id: 'victory-day',
      term: 'Victory Day (China)',
      aliases: [inContext(phrase('Victory Day')), inContext(phrase('Victory Day parade')), ko('전승절')],
      category: 'concept',
      explanation:
        "China's Victory Day, on 3 September, marks Japan's defeat in World War II (Russia's, on 9 May, marks Nazi Germany's); for the 80th anniversary in 2025 Beijing held a large military parade in Tiananmen Square.",
      quotes: [{ text: Q_RARE_EARTHS, section: SHIFTS }],
      related: ['anti-dumping-duties'],
    },
    {
      id: 'a2ad',
      term: 'A2/AD',
      expansion: 'anti-access/area denial',
      aliases: [
        acronym('A2/AD'),
        phrase('anti-access/area denial'),
        ko('반접근/지역거부'),
        ko('반접근·지역거부'),
      ],
      category: 'strategy',
      explanation:
        "A strategy of using long-range missiles, submarines, air defenses and similar means to keep an opponent's forces from approaching a region (anti-access) and to restrict their freedom of action within it (area denial). The term is mostly applied to China's approach to U.S. forces in the western Pacific.",
      quotes: [{ text: Q_A2AD, section: SHIFTS }],
      related: ['first-island-chain', 'second-island-chain'],
    },
    {
      id: 'first-island-chain',
      term: 'First island chain',
      aliases: [phrase('first island chain'), ko('제1도련선'), zhHant('第一島鏈'), zhHans('第一岛链')],
      category: 'place',
      explanation:
        "In Chinese and U.S. strategic thinking, the arc of islands running from Japan's main islands and the Ryukyus through Taiwan and the Philippines to Borneo, enclosing the Yellow, East China and South China Seas.",
      quotes: [{ text: Q_A2AD, section: SHIFTS }],
      related: ['second-island-chain', 'a2ad'],
    },
    {
      id: 'second-island-chain',
      term: 'Second island chain',
      aliases: [phrase('second island chain'), ko('제2도련선'), zhHant('第二島鏈'), zhHans('第二岛链')],
      category: 'place',
      explanation:
        "The arc farther east, running from Japan's Bonin (Ogasawara) Islands through the Mariana Islands, including Guam, to Palau and eastern Indonesia.",
      quotes: [
        {
          text: 'By 2040, China aims to break through the second island chain, steadily extending its maritime reach.',
          section: SHIFTS,
        },
      ],
      related: ['first-island-chain', 'a2ad'],
    },
    {
      id: 'one-china-principle',
      term: 'One China principle',
      aliases: [phrase('One China principle'), acronym('One China'), ko('하나의 중국')],
      category: 'policy',
      explanation:
        'Beijing\'s position that there is only one China, that Taiwan is part of it, and that the People\'s Republic is its sole legitimate government. The U.S. "One China policy" only acknowledges that position.',
      quotes: [{ text: Q_TODAY, section: SHIFTS }],
      related: ['senkaku', 'china-dream'],
    },
    {
      id: 'senkaku',
      term: 'Senkaku Islands',
      aliases: [
        acronym('Senkaku'),
        phrase('Senkaku Islands'),
        acronym('Diaoyu'),
        phrase('Diaoyu Islands'),
        ko('센카쿠'),
        ko('센카쿠 열도'),
      ],
      category: 'place',
      explanation:
        'Uninhabited islets in the East China Sea administered by Japan and claimed by China (as the Diaoyu Islands) and by Taiwan.',
      quotes: [{ text: Q_TODAY, section: SHIFTS }],
      related: ['one-china-principle', 'first-island-chain'],
    },
    {
      id: 'south-china-sea-artificial-islands',
      term: 'South China Sea artificial islands',
      aliases: [
        phrase('artificial islands in the South China Sea'),
        phrase('South China Sea artificial islands'),
        ko('남중국해 인공섬'),
      ],
      category: 'place',
      explanation:
        'Since about 2013 China has piled dredged sand onto reefs in the Spratly Islands and elsewhere in the South China Sea to build artificial islands, several of which now carry runways, ports and military facilities.',
      quotes: [{ text: Q_TODAY, section: SHIFTS }],
      related: ['yellow-sea-structures', 'first-island-chain'],
    },
    {
      id: 'solomon-islands-pact',
      term: 'China–Solomon Islands security pact',
      aliases: [
        phrase('security cooperation pact with the Solomon Islands'),
        phrase('Solomon Islands security pact'),
        phrase('China-Solomon Islands security pact'),
        phrase('China-Solomon Islands security agreement'),
        ko('솔로몬제도 안보협정'),
      ],
      category: 'treaty',
      explanation:
        'A security agreement signed in April 2022 under which the Solomon Islands may ask China for police and military help and Chinese ships may make port calls. Its text was not published, and Australia and the United States saw it as a possible first step toward a Chinese military presence in the South Pacific.',
      quotes: [{ text: Q_TODAY, section: SHIFTS }],
      related: ['second-island-chain'],
    },

    // ── The publication ───────────────────────────────────────────────────────────────────────────
    {
      id: 'csis',
      term: 'CSIS',
      expansion: 'Center for Strategic and International Studies',
      aliases: [
        inContext(acronym('CSIS')),
        phrase('Center for Strategic and International Studies'),
        ko('전략국제문제연구소'),
      ],
      category: 'organization',
      explanation:
        "A Washington, D.C., think tank on foreign and security policy, founded in 1962. (Canada's security intelligence service shares the acronym.)",
      quotes: [
        { text: Q_KOREA_CHAIR, section: CONCLUSION },
        {
          text: 'Its research is nonpartisan and nonproprietary. CSIS does not take specific policy positions.',
          section: CONCLUSION,
        },
      ],
      related: ['korea-chair-platform'],
    },
    {
      id: 'korea-chair-platform',
      term: 'Korea Chair Platform',
      aliases: [phrase('Korea Chair Platform')],
      category: 'publication',
      explanation: "A series of short commentaries on Korea published by CSIS's Korea Chair program.",
      quotes: [{ text: Q_KOREA_CHAIR, section: CONCLUSION }],
      related: ['csis'],
    },
  ],
};
