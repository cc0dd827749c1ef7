// /targets/: filters (plan, domain) for the chart and the targets table, and sortable columns for
// the table. The page works without this script as a plain chart and table; this reveals the
// filters, keeps them in the address (?plan=…&domain=…, so a filtered view can be shared and Back
// returns to it), and turns each column header into a sort button whose state is announced
// through aria-sort.

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
  setUpFilters(rows, { filters, planSelect, domainSelect, status });
  setUpSorting(table, body, rows);
}

/** Filters: show the controls, keep the domain list to the chosen plan, hide rows (table and chart) that don't match. */
function setUpFilters(rows: readonly HTMLTableRowElement[], controls: { filters: HTMLElement; planSelect: HTMLSelectElement; domainSelect: HTMLSelectElement; status: HTMLElement }): void {
  const { filters, planSelect, domainSelect, status } = controls;
  const chartRows = [...document.querySelectorAll<HTMLElement>('.targets-chart .row[data-plan]')];
  const chartGroups = [...document.querySelectorAll<HTMLElement>('.targets-chart .domain, .targets-chart .plan')];
  filters.hidden = false;
  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    const pick = (select: HTMLSelectElement, value: string | null) => {
      select.value = [...select.options].some((o) => o.value === value) ? (value ?? '') : '';
    };
    pick(planSelect, params.get('plan'));
    pick(domainSelect, params.get('domain'));
  };
  const toAddress = () => {
    const params = new URLSearchParams(location.search);
    for (const [key, select] of [['plan', planSelect], ['domain', domainSelect]] as const) {
      if (select.value === '') params.delete(key);
      else params.set(key, select.value);
    }
    const query = params.toString();
    const url = `${location.pathname}${query === '' ? '' : `?${query}`}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
  };
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
    for (const row of chartRows) row.hidden = !((plan === '' || row.dataset['plan'] === plan) && (domain === '' || row.dataset['domain'] === domain));
    for (const group of chartGroups) group.hidden = group.querySelector('.row[data-plan]:not([hidden])') === null;
    status.textContent = shown === rows.length ? `共${rows.length}项` : `显示${shown}项，共${rows.length}项`;
  };
  const onChange = () => {
    applyFilters();
    toAddress();
  };
  planSelect.addEventListener('change', onChange);
  domainSelect.addEventListener('change', onChange);
  addEventListener('popstate', () => {
    fromAddress();
    applyFilters();
  });
  fromAddress();
  applyFilters();
}

/** Sorting: a button in each header; a second press reverses the order. */
function setUpSorting(table: HTMLTableElement, body: HTMLTableSectionElement, rows: readonly HTMLTableRowElement[]): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
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
