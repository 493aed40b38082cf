// A long job's progress: bar, done/total, ETA and the job's message (training, diagnostics, history).
import { formatDuration } from './runFormat';
import '../runs.css';

/** Progress as a bar with numbers. */
export function JobProgressBar({ done, total, etaMs, message, label }: { done: number; total: number; etaMs?: number | null | undefined; message?: string | undefined; label: string }) {
  const known = total > 0;
  return (
    <div className="job-progress" data-testid="job-progress">
      <div className="bar">
        <progress aria-label={label} max={known ? total : undefined} value={known ? Math.min(done, total) : undefined} />
        <span className="numbers" data-testid="job-progress-numbers">
          {known ? `${done} / ${total}` : 'starting…'}
          {etaMs !== null && etaMs !== undefined && etaMs > 0 ? ` · ETA ${formatDuration(etaMs)}` : ''}
        </span>
      </div>
      {message && (
        <span className="message" title={message}>
          {message}
        </span>
      )}
    </div>
  );
}
