export function RunStatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span className={`badge status-${status.toLowerCase()}`} data-testid="run-status"
      data-status={status}>
      {label}
    </span>
  )
}
