import { platformTable, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp3q', 'whatsapp:channel/0029VaAbCdEfGhIjKlMnOp3q'],
  ['https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp3q/123', 'whatsapp:channel/0029VaAbCdEfGhIjKlMnOp3q'],
  ['https://web.whatsapp.com/', 'whatsapp'],
  ['https://business.whatsapp.com/', 'whatsapp'],
  ['https://api.whatsapp.com/send?phone=491701234567', 'whatsapp'],
];

platformTable('whatsapp', ROWS);
