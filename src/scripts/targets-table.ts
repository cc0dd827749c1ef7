// /targets/: filters (plan, domain) and sortable columns for the targets table. The page works
// without this script as a plain table; this reveals the filters and turns each column header
// into a sort button whose state is announced through aria-sort.

type Direction = 'ascending' | 'descending';

function init(): void {
  const table = document.querySelector<HTMLTableElement>('#targets-table');
  const body = table?.tBodies[0];
  const filters = document.querySelector<HTMLElement>('#targets-filters');
  const planSelect = document.querySelector<HTMLSelectElement>('#targets-plan');
  const domainSelect = document.querySelector<HTMLSelectElement>('#targets-domain');
  const status = document.querySelector<HTMLElement>('#targets-status');
  if (!table || !body || !filters || !planSelect || !domainSelect || !status) return;
  const rows = [...body.rows];
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];

  // Filters: show the controls, keep the domain list to the chosen plan, hide rows that don't match.
  filters.hidden = false;
  const applyFilters = () => {
    const plan = planSelect.value;
    for (const option of domainSelect.querySelectorAll<HTMLOptionElement>('option[data-plan]')) {
      const other = plan !== '' && option.dataset['plan'] !== plan;
      option.hidden = other;
      option.disabled = other;
      if (other && option.selected) domainSelect.value = '';
    }
    const domain = domainSelect.value;
    let shown = 0;
    for (const row of rows) {
      const match = (plan === '' || row.dataset['plan'] === plan) && (domain === '' || row.dataset['domain'] === domain);
      row.hidden = !match;
      if (match) shown += 1;
    }
    status.textContent = shown === rows.length ? `共${rows.length}项` : `显示${shown}项，共${rows.length}项`;
  };
  planSelect.addEventListener('change', applyFilters);
  domainSelect.addEventListener('change', applyFilters);
  applyFilters();

  // Sorting: a button in each header; a second press reverses the order.
  const sortBy = (header: HTMLTableCellElement, direction: Direction) => {
    const column = header.cellIndex;
    const numeric = header.dataset['sortType'] === 'number';
    const keyOf = (row: HTMLTableRowElement) => row.cells[column]?.dataset['sort'] ?? '';
    const order = (row: HTMLTableRowElement) => Number(row.dataset['order'] ?? 0);
    const sorted = [...rows].sort((a, b) => {
      const diff = numeric ? Number(keyOf(a)) - Number(keyOf(b)) : keyOf(a).localeCompare(keyOf(b), 'zh-CN');
      // Ties keep document order, whichever way the column is sorted.
      return (direction === 'ascending' ? diff : -diff) || order(a) - order(b);
    });
    body.append(...sorted);
    for (const h of headers) {
      if (h === header) h.setAttribute('aria-sort', direction);
      else h.removeAttribute('aria-sort');
    }
  };
  for (const header of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.append(...header.childNodes);
    header.append(button);
    button.addEventListener('click', () => {
      sortBy(header, header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending');
    });
  }
}

init();
