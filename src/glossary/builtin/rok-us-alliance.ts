import type { GlossaryPack } from '../model';

// Placeholder until the full pack lands (being written in parallel).
export const builtinPack: GlossaryPack = {
  schemaVersion: 1,
  id: 'csis-rok-us-alliance-2025',
  name: 'The Future of the ROK-U.S. Alliance (CSIS, 2025)',
  version: '1.0.0',
  languages: ['en', 'ko'],
  source: {
    title: 'The Future of the ROK-U.S. Alliance: Adapting to a Changing World',
    author: 'Kyeongdoo Jeong',
    publisher: 'Center for Strategic and International Studies (CSIS)',
    date: '2025-09-30',
    url: 'https://www.pubt.io/view/2E84A587369A0F7334002EE35BC6C0A23B5F7B3B',
  },
  entries: [
    {
      id: 'thaad',
      term: 'THAAD',
      expansion: 'Terminal High Altitude Area Defense',
      aliases: [
        { text: 'THAAD', lang: 'en', caseSensitive: true },
        { text: 'Terminal High Altitude Area Defense', lang: 'en', caseSensitive: false },
        { text: '사드', lang: 'ko', caseSensitive: true },
      ],
      category: 'weapon system',
      explanation: 'A U.S. missile defense system.',
      quotes: [
        {
          text: 'It repeatedly presses Korea to move away from a U.S.-aligned foreign policy and insists that the so-called "Three No\'s" policy on Terminal High Altitude Area Defense (THAAD) remains immutable.',
          section: 'Shifts in the International Security Environment',
        },
      ],
      related: [],
    },
  ],
};
