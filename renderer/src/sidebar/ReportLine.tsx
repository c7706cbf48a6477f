// The sidebar views' last report (an import's count, a failure): one line with a Dismiss button.
export interface ReportText {
  kind: 'info' | 'error' | 'busy';
  text: string;
}

export function ReportLine({ report, testId, onDismiss }: { report: ReportText | undefined; testId: string; onDismiss(): void }) {
  if (!report) return null;
  return (
    <p className={`hist-report hist-report-${report.kind}`} data-testid={testId} role={report.kind === 'error' ? 'alert' : 'status'}>
      <span>{report.text}</span>
      <button type="button" className="btn-icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </p>
  );
}
