// The search field of a sidebar view (Collections, History): a search input that keeps no
// spell check; what it searches and when is the view's.
interface Props {
  className: string;
  testId: string;
  label: string;
  placeholder: string;
  value: string;
  onChange(text: string): void;
}

export function SearchInput({ className, testId, label, placeholder, value, onChange }: Props) {
  return <input type="search" className={className} data-testid={testId} aria-label={label} placeholder={placeholder} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />;
}
