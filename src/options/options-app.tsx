import { useEffect, useState } from 'preact/hooks';
import {
  builtinPack,
  deletePersonalEntry,
  exportPackFile,
  importPackFile,
  type Library,
  libraryFor,
  loadLibrary,
  orderPacks,
  removeImportedPack,
  savePersonalEntry,
  watchLibrary,
} from '../glossary';
import {
  exportSettingsFile,
  importSettingsFile,
  loadSettings,
  replaceSettings,
  type Settings,
  updateSettings,
  watchSettings,
} from '../settings';
import { ChoiceGroup } from './choice-group';
import { FilePicker } from './file-picker';
import { GlossaryPacks } from './glossary-packs';
import { HoverDelayField } from './hover-delay-field';
import { MyGlossary } from './my-glossary';
import { SettingsTransfer } from './settings-transfer';
import { SiteList } from './site-list';
import { strings } from './strings';

export interface OptionsAppProps {
  /** The browser has the CSS Custom Highlight API (terms can be marked). */
  highlightsSupported: boolean;
  /** Offers a file to the reader (an export). */
  download(filename: string, text: string): void;
}

/** Every setting with a short explanation; each change is saved at once and applies in every tab. */
export function OptionsApp(props: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [library, setLibrary] = useState<Library | null>(null);
  const [packResult, setPackResult] = useState<{ ok: boolean; messages: string[] } | null>(null);

  useEffect(() => {
    let live = true;
    const reload = () => void loadLibrary().then((loaded) => live && setLibrary(loaded));
    reload();
    const unwatch = watchLibrary(reload);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  useEffect(() => {
    let live = true;
    void loadSettings().then(({ settings: loaded, problems: found }) => {
      if (!live) return;
      setSettings(loaded);
      setProblems(found);
    });
    const unwatch = watchSettings((next) => setSettings(next));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  if (!settings || !library) return <main class="options" aria-busy="true" />;
  const ordered = orderPacks(library.packs, settings.packOrder, builtinPack.id);
  const resolved = libraryFor(library.packs, settings);
  const movePack = (id: string, direction: -1 | 1) => {
    const ids = ordered.map((pack) => pack.id);
    const at = ids.indexOf(id);
    const to = at + direction;
    if (at < 0 || to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
    void save({ packOrder: ids });
  };
  const togglePack = (id: string, enabled: boolean) => {
    const disabled = settings.disabledPacks.filter((other) => other !== id);
    void save({ disabledPacks: enabled ? disabled : [...disabled, id] });
  };
  const libraryResult = (result: { ok: true; message: string } | { ok: false; errors: string[] }) =>
    setPackResult(
      result.ok ? { ok: true, messages: [result.message] } : { ok: false, messages: result.errors },
    );

  const save = async (change: Partial<Settings>): Promise<string | undefined> => {
    const result = await updateSettings(() => change);
    if (result.ok) {
      setSettings(result.settings);
      setStatus(strings.saved);
      return undefined;
    }
    const message = result.errors.join(' ');
    setStatus(strings.saveFailed(message));
    return message;
  };
  const set =
    <K extends keyof Settings>(key: K) =>
    (value: Settings[K]) =>
      void save({ [key]: value });

  return (
    <main class="options">
      <h1>{strings.title}</h1>
      <p class="help">{strings.intro}</p>
      {problems.length > 0 && (
        <div class="warning" role="alert">
          <p>{strings.problemsLoading}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="status" role="status">
        {status}
      </p>

      <section aria-labelledby="section-reading">
        <h2 id="section-reading">{strings.reading}</h2>
        <ChoiceGroup
          legend={strings.trigger}
          help={strings.triggerHelp}
          value={settings.trigger}
          choices={strings.triggers}
          onChange={set('trigger')}
        />
        <HoverDelayField value={settings.hoverDelayMs} onChange={set('hoverDelayMs')} />
        <ChoiceGroup
          legend={strings.highlightStyle}
          help={props.highlightsSupported ? strings.highlightStyleHelp : strings.noHighlights}
          value={settings.highlightStyle}
          choices={strings.highlightStyles}
          onChange={set('highlightStyle')}
        />
        <ChoiceGroup
          legend={strings.markMode}
          value={settings.markMode}
          choices={strings.markModes}
          onChange={set('markMode')}
        />
        <ChoiceGroup
          legend={strings.theme}
          value={settings.theme}
          choices={strings.themes}
          onChange={set('theme')}
        />
      </section>

      <section aria-labelledby="section-matching">
        <h2 id="section-matching">{strings.matching}</h2>
        <CheckField
          label={strings.koreanAliases}
          checked={settings.koreanAliases}
          onChange={set('koreanAliases')}
        />
        <CheckField label={strings.skipCode} checked={settings.skipCode} onChange={set('skipCode')} />
      </section>

      <section aria-labelledby="section-pdfs">
        <h2 id="section-pdfs">{strings.pdfs}</h2>
        <CheckField
          label={strings.openPdfsInReader}
          checked={settings.openPdfsInReader}
          onChange={set('openPdfsInReader')}
        />
        <p class="help">{strings.openPdfsInReaderHelp}</p>
      </section>

      <section aria-labelledby="section-sites">
        <h2 id="section-sites">{strings.sites}</h2>
        <CheckField label={strings.pause} checked={settings.paused} onChange={set('paused')} />
        <ChoiceGroup
          legend={strings.siteMode}
          value={settings.siteMode}
          choices={strings.siteModes}
          onChange={set('siteMode')}
        />
        <SiteList mode={settings.siteMode} sites={settings.sites} onChange={(sites) => save({ sites })} />
        <p class="help">{strings.shortcut}</p>
      </section>

      <section aria-labelledby="section-glossaries">
        <h2 id="section-glossaries">{strings.glossaries}</h2>
        <p class="help">{strings.glossariesHelp}</p>
        {library.problems.length > 0 && (
          <div class="warning" role="alert">
            <p>{strings.libraryProblems}</p>
            <ul>
              {library.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <GlossaryPacks
          packs={ordered}
          builtinId={builtinPack.id}
          disabled={settings.disabledPacks}
          shadowed={resolved.shadowed}
          onToggle={togglePack}
          onMove={movePack}
          onExport={(pack) => props.download(`${pack.id}.glossa.json`, exportPackFile(pack))}
          onRemove={async (pack) => libraryResult(await removeImportedPack(pack.id))}
        />
        <FilePicker
          label={strings.importPack}
          help={strings.importPackHelp}
          result={packResult}
          onText={async (text) => libraryResult(await importPackFile(text))}
        />
        <h3 class="subheading">{strings.myGlossary}</h3>
        <p class="help">{strings.myGlossaryHelp}</p>
        <MyGlossary
          entries={library.personal}
          onSave={async (entry) => {
            const result = await savePersonalEntry(entry);
            libraryResult(result);
            return result.ok ? undefined : result.errors.join(' ');
          }}
          onDelete={async (entry) => libraryResult(await deletePersonalEntry(entry.id))}
        />
      </section>

      <section aria-labelledby="section-transfer">
        <h2 id="section-transfer">{strings.transfer}</h2>
        <p class="help">{strings.transferHelp}</p>
        <SettingsTransfer
          onExport={() => props.download('glossa-settings.json', exportSettingsFile(settings))}
          onImport={async (text) => {
            const parsed = importSettingsFile(text, settings);
            if (!parsed.ok) return { ok: false, messages: [strings.importFailed, ...parsed.errors] };
            const saved = await replaceSettings(parsed.settings);
            if (!saved.ok) return { ok: false, messages: [strings.importFailed, ...saved.errors] };
            setSettings(saved.settings);
            setProblems([]);
            return { ok: true, messages: [strings.imported(parsed.fields.length)] };
          }}
        />
      </section>
    </main>
  );
}

/** A yes/no setting: a checkbox with its label. */
function CheckField(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label class="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange((event.target as HTMLInputElement).checked)}
      />
      {props.label}
    </label>
  );
}
