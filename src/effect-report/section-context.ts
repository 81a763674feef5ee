import type { PulseText } from '../content/localize-pulse';
import type { ThemeId } from '../content/theme-schema';
import type { Catalogue } from '../i18n/catalogue';
import type { CellFormat } from './format-cells';

/** What every figure of one tenant's section needs: texts, number formats, theme titles and a unique id prefix. */
export interface SectionContext {
  t: Catalogue;
  format: CellFormat;
  themeTitle(id: ThemeId): string;
  /** Unique in the document, so SVG ids never clash between tenants. */
  idPrefix: string;
  minGroupSize: number;
  /** The pulse questions and answers in the report's language. */
  pulse?: PulseText;
}
