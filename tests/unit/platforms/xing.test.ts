import { platformTable, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.xing.com/pages/acme-gmbh', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/pages/Acme-GmbH/jobs?sc_o=x', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/companies/acme-gmbh', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/profile/Max_Mustermann', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/profile/Max_Mustermann/cv', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/profile/Max_Mustermann/cv?sc_o=da980_e', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/jobs/search?keywords=x', 'xing'],
  ['https://www.xing.com/chats', 'xing'],
  ['https://xing.com/', 'xing'],
  ['https://dev.xing.com/docs', null],
];

platformTable('xing', ROWS);
