/** Samples per class as horizontal bars; counts only, never samples. */
export function ClassBalance({ train, test, classNames, caption }: {
  train: number[]; test: number[]; classNames?: string[]; caption: string
}) {
  const largest = Math.max(1, ...train)
  return (
    <table className="data class-balance" data-testid="class-balance">
      <caption>{caption}</caption>
      <tbody>
        {train.map((count, label) => (
          <tr key={label}>
            <th scope="row">{classNames?.[label] ?? label}</th>
            <td className="bar-cell">
              <span className="bar" style={{ width: `${(count / largest) * 100}%` }} />
            </td>
            <td className="num">{count}</td>
            <td className="num muted">{test[label] ?? 0}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
