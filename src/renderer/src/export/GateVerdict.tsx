/**
 * The gate's verdict, first thing in the export dialog: ready, or what stops publication,
 * grouped, each group with what to do. ProblemGroups is also how a refusal is shown.
 */
import { approvedBy, groupProblems, overriddenClaims, verdict, type GateApproval, type GateProblem } from './gate-advice';
import './GateVerdict.css';

export function ProblemGroups({ problems }: { problems: readonly GateProblem[] }) {
  return (
    // It scrolls when the problems are many: focusable, so the keyboard can scroll it too.
    <div className="gate-groups" role="region" aria-label="What stops publication" tabIndex={0}>
      {groupProblems(problems).map((group) => (
        <section key={group.code} className="gate-group" aria-label={group.title}>
          <h4 className="gate-group__title">{group.title}</h4>
          <p className="gate-group__advice">{group.advice}</p>
          <ul className="gate-group__list">
            {group.messages.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

interface GateVerdictProps {
  /** null while the gate is asked. */
  problems: readonly GateProblem[] | null;
  error: string | null;
  /** The approval that went past open claims with a reason, when there was one. */
  approval?: GateApproval | null | undefined;
}

/** Who approved past which claims, and why: the claims stay open, so the verdict says so rather than "no open claims". */
function ApprovalPast({ approval }: { approval: GateApproval }) {
  return (
    <div className="gate-approval" data-testid="gate-approval">
      <p className="gate__line">
        {approvedBy(approval)} with the reason: “{approval.reason}”
      </p>
      <p className="gate__line">The bundle’s manifest records the approval; the claims stay open in review mode.</p>
      {approval.problems.length > 0 && (
        <details className="gate-approval__claims">
          <summary>The {overriddenClaims(approval)} it went past</summary>
          <ul className="gate-group__list" tabIndex={0} aria-label="Claims the approval went past">
            {approval.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

export function GateVerdict({ problems, error, approval }: GateVerdictProps) {
  if (error) {
    return (
      <div className="gate gate--error" role="alert">
        <h3 className="gate__verdict">The gate could not be checked</h3>
        <p className="gate__line">{error}</p>
      </div>
    );
  }
  if (!problems) {
    return (
      <div className="gate gate--pending" role="status">
        <h3 className="gate__verdict">Checking what could stop publication…</h3>
      </div>
    );
  }
  const past = approval && approval.problems.length > 0 ? approval : null;
  if (!problems.length) {
    return (
      <div className={`gate gate--ready${past ? ' gate--approved-past' : ''}`} data-testid="gate-verdict">
        <h3 className="gate__verdict">
          <span aria-hidden="true">✓ </span>
          {verdict(problems)}
          {past && ` — approved past ${overriddenClaims(past)}`}
        </h3>
        {past ? (
          <>
            <ApprovalPast approval={past} />
            <p className="gate__line">No notes left in the text, every cited source and related article in place.</p>
          </>
        ) : (
          <p className="gate__line">No open or disputed claims, no notes left in the text, every cited source and related article in place.</p>
        )}
      </div>
    );
  }
  return (
    <div className="gate gate--blocked" data-testid="gate-verdict">
      <h3 className="gate__verdict">{verdict(problems)}</h3>
      <p className="gate__line">Fix them and export, or export anyway with a written reason, which the bundle’s manifest keeps.</p>
      {past && (
        <p className="gate__line">
          Its {overriddenClaims(past)} do not count here: {approvedBy(past).replace(/^A/, 'a')} past them with the reason: “{past.reason}”
        </p>
      )}
      <ProblemGroups problems={problems} />
    </div>
  );
}
