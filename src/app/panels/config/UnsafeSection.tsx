import { setPath } from './draftEdits';
import { CheckField, Section } from './Fields';
import type { UnsafeKey } from './scenarioDefaults';
import type { SectionProps } from './RunSection';

interface UnsafeSwitch {
  key: UnsafeKey;
  /** The one value the schema accepts for the switch. */
  value: string;
  label: string;
  removes: string;
  fails: string;
}

/** Each switch removes one safety rule; the invariant named should then turn red. */
export const unsafeSwitches: readonly UnsafeSwitch[] = [
  {
    key: 'quorum',
    value: '2f+1',
    label: 'Quorum 2f+1',
    removes: 'Commits at 2f+1 records instead of n−f, so two quorums may share no honest agent.',
    fails: 'agreement (with equivocators or a partition)',
  },
  {
    key: 'centroid',
    value: 'mean',
    label: 'Plain mean',
    removes: 'Averages every record instead of trimming f from each end of each coordinate.',
    fails: 'validity: a biased minority drags the centroid out of the honest box',
  },
  {
    key: 'trim',
    value: 'arrived',
    label: 'Trim by arrivals',
    removes: 'Trims ⌊(k−1)/3⌋ of the k records that arrived instead of the configured f.',
    fails: 'validity, when records are missing and extremes survive the trim',
  },
  {
    key: 'seal',
    value: 'off',
    label: 'Seals off',
    removes: 'Skips the seal and signature checks, so a record its agent never signed can count.',
    fails: 'validity: records whose seal or signature fail count in the committed quorum, such as a '
      + 'tamperer\'s edited vector or a forge leader\'s copies of its record under the other agents\' ids',
  },
  {
    key: 'membership',
    value: 'present',
    label: 'Membership from records',
    removes: 'Takes n from the records present instead of the configured membership.',
    fails: 'agreement: each side of a partition commits on its own',
  },
  {
    key: 'lock',
    value: 'off',
    label: 'Prepare lock off',
    removes: 'Replicas keep no prepare lock: they prepare any valid value, and a new view learns nothing '
      + 'of what may already have committed.',
    fails: 'agreement, together with the reference view change (which hands on no commit '
      + 'certificates): lost commit votes let one replica commit and a new leader\'s fresh value commit elsewhere',
  },
  {
    key: 'viewChange',
    value: 'reference',
    label: 'Reference view change',
    removes: 'Locks bind the winner only, a new-view message carries no lock and a new leader '
      + 'never re-proposes what was locked.',
    fails: 'liveness-after-heal: locked replicas refuse every fresh proposal and the run stalls',
  },
];

/** The seven teaching switches of `resonance.unsafe`, each with what it breaks. */
export function UnsafeSection({ draft, onChange }: SectionProps) {
  const unsafe: Partial<Record<UnsafeKey, string>> = draft.resonance?.unsafe ?? {};
  const unsafeFrom: Partial<Record<UnsafeKey, number>> = draft.resonance?.unsafeFrom ?? {};
  const on = unsafeSwitches.filter((item) => unsafe[item.key] !== undefined).length;
  return (
    <Section title="Unsafe teaching switches" note={on > 0 ? `⚠ ${on} on` : 'all safe'}>
      <p className="config-hint">Each removes one safety rule, to show why it is there.</p>
      {unsafeSwitches.map((item) => (
        <CheckField
          key={item.key}
          label={`${item.label} (${item.key}: '${item.value}')${
            unsafeFrom[item.key] === undefined ? '' : ` from tick ${unsafeFrom[item.key]}`}`}
          checked={unsafe[item.key] !== undefined}
          testId={`config-unsafe-${item.key}`}
          hint={
            <>
              {item.removes} <strong>Should fail:</strong> {item.fails}.
            </>
          }
          onChange={(checked) => {
            // A switch turned off loses its start tick too (`resonance.unsafeFrom`, set by a fork).
            const next = setPath(draft, ['resonance', 'unsafe', item.key], checked ? item.value : undefined);
            onChange(checked ? next : setPath(next, ['resonance', 'unsafeFrom', item.key], undefined));
          }}
        />
      ))}
    </Section>
  );
}
