import { type GlossaryPack, PERSONAL_PACK_ID } from '../glossary';
import { strings } from './strings';

export interface GlossaryPacksProps {
  /** Packs in priority order, highest first. */
  packs: readonly GlossaryPack[];
  builtinId: string;
  disabled: readonly string[];
  /** Per pack id: the aliases a pack higher up explains instead. */
  shadowed: ReadonlyMap<string, string[]>;
  onToggle(id: string, enabled: boolean): void;
  onMove(id: string, direction: -1 | 1): void;
  onExport(pack: GlossaryPack): void;
  onRemove(pack: GlossaryPack): void;
}

/** The reader's glossaries in priority order: on/off, up/down, export, remove. */
export function GlossaryPacks(props: GlossaryPacksProps) {
  const { packs } = props;
  return (
    <ol class="packs">
      {packs.map((pack, index) => {
        const enabled = !props.disabled.includes(pack.id);
        const lost = props.shadowed.get(pack.id) ?? [];
        const imported = pack.id !== props.builtinId && pack.id !== PERSONAL_PACK_ID;
        return (
          <li key={pack.id} class="pack">
            <label class="check pack-name">
              <input
                type="checkbox"
                checked={enabled}
                aria-label={strings.packOn(pack.name)}
                onChange={(event) => props.onToggle(pack.id, (event.target as HTMLInputElement).checked)}
              />
              <span>
                <strong>{pack.name}</strong> · {strings.entries(pack.entries.length)}
                {pack.id === props.builtinId && ` · ${strings.builtIn}`}
              </span>
            </label>
            <p class="help">{strings.from(pack.source.title)}</p>
            {enabled && lost.length > 0 && (
              <p class="help">{strings.shadowed(lost.length, lost.slice(0, 5).join(', '))}</p>
            )}
            <div class="row">
              <button
                type="button"
                aria-label={strings.moveUp(pack.name)}
                disabled={index === 0}
                onClick={() => props.onMove(pack.id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={strings.moveDown(pack.name)}
                disabled={index === packs.length - 1}
                onClick={() => props.onMove(pack.id, 1)}
              >
                ↓
              </button>
              <button type="button" onClick={() => props.onExport(pack)}>
                {strings.exportPack(pack.name)}
              </button>
              {imported && (
                <button type="button" onClick={() => props.onRemove(pack)}>
                  {strings.removePack(pack.name)}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
