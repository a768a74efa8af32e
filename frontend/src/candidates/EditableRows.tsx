import type { ReactNode } from 'react';
import { useT } from '../i18n/LanguageContext';
import { rowKey } from './candidateForm';

/** What the form gives each list of rows: the rows, their errors, and where the focus goes. */
export interface RowsProps<Row> {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  errors: Record<string, string>;
  /** The row just added, whose first field takes the focus. */
  focusKey: string | null;
  onAdd: (key: string) => void;
}

/** What a row's fields need: its accessible name, whether to take the focus, and the way to change it. */
export interface RowContext<Row> {
  rowName: string;
  autoFocus: boolean;
  update: (patch: Partial<Row>) => void;
}

/**
 * A form section of rows the user adds and removes, each with a remove button named after the
 * row; a new row takes the focus.
 */
export function EditableRows<Row extends { key: string }>({
  legend,
  item,
  addLabel,
  grouped = false,
  intro,
  blank,
  fields,
  rows,
  onChange,
  focusKey,
  onAdd,
}: Omit<RowsProps<Row>, 'errors'> & {
  legend: string;
  /** What one row is called, for "<item> <n>". */
  item: string;
  addLabel: string;
  /** Rows with several fields are named groups. */
  grouped?: boolean;
  /** Shown between the legend and the rows. */
  intro?: ReactNode;
  /** A new row's values. */
  blank: () => Omit<Row, 'key'>;
  fields: (row: Row, context: RowContext<Row>) => ReactNode;
}) {
  const t = useT();
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      {intro}
      {rows.map((r, i) => {
        const rowName = t.editor.rowLabel(item, i + 1);
        const update = (patch: Partial<Row>) => onChange(rows.map((x) => (x.key === r.key ? { ...x, ...patch } : x)));
        return (
          <div
            className="row"
            key={r.key}
            role={grouped ? 'group' : undefined}
            aria-label={grouped ? rowName : undefined}
          >
            {fields(r, { rowName, autoFocus: focusKey === r.key, update })}
            <button
              type="button"
              className="button-secondary row-remove"
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              {t.common.remove}
              <span className="visually-hidden">: {rowName}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          const key = rowKey();
          onChange([...rows, { ...blank(), key } as Row]);
          onAdd(key);
        }}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
