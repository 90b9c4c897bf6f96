import { useMemo } from 'react';
import type { SimEvent } from '../../worker/api';
import type { TraceIndex } from '../trace/traceIndex';
import { HashText } from '../components/HashText';

type Certificate = Extract<SimEvent, { kind: 'certificateFound' }>;

/**
 * The equivocation certificates found up to the cursor, each as the proof it is: the
 * conflicting records signed by the accused side by side, what each says, who received it,
 * and that every signature verifies under the accused's one public key. Anyone holding that
 * key can check it; nobody has to trust whoever put the records together.
 */
export function CertificateCards({ trace, tick }: { trace: TraceIndex; tick: number }) {
  const certificates = useMemo(
    () =>
      trace
        .kindUpTo('certificateFound', Infinity)
        .sort((a, b) => a.t - b.t || a.roundNo - b.roundNo),
    [trace],
  );
  const shown = certificates.filter((certificate) => certificate.t <= tick);
  if (shown.length === 0) return null;
  return (
    <section className="certificates" aria-label="Equivocation certificates">
      {shown.map((certificate) => (
        <CertificateCard key={`${certificate.roundId}:${certificate.accused}`} certificate={certificate} />
      ))}
    </section>
  );
}

function CertificateCard({ certificate }: { certificate: Certificate }) {
  const accused = `a${certificate.accused}`;
  return (
    <article
      className={`certificate ${certificate.valid ? 'valid' : 'invalid'}`}
      data-testid="equivocation-certificate"
      data-accused={certificate.accused}
      data-round={certificate.roundNo}
    >
      <h3>
        Certificate against {accused} · round {certificate.roundNo}{' '}
        <span className="certificate-verdict">{certificate.valid ? '✓ verifies' : '✗ does not verify'}</span>
      </h3>
      <p className="certificate-key">
        {accused} signed {certificate.records.length} different records for one round under one public key{' '}
        <HashText hash={certificate.pubkey} label={`${accused}'s public key`} />: an honest agent signs one.
      </p>
      <div className="certificate-records">
        {certificate.records.map((record, index) => (
          <figure key={record.commitment} className="certificate-record" data-testid="certificate-record">
            <figcaption>
              Record {index + 1}
              {record.heldBy !== null ? ` · received by a${record.heldBy}` : ''}
            </figcaption>
            <blockquote>{record.says}</blockquote>
            <p>
              commitment <HashText hash={record.commitment.replace(/^sha256:/, '')} label="sealed commitment (sha256)" />
            </p>
            <p data-testid="certificate-signature" data-verifies={record.verifies}>
              signature <HashText hash={record.signature} label="ed25519 signature" />{' '}
              {record.verifies ? `✓ verifies under ${accused}'s key` : `✗ does not verify under ${accused}'s key`}
            </p>
          </figure>
        ))}
      </div>
    </article>
  );
}
