import { accountOffset } from '../common/fields';
import type { AdapterContext } from '../types';

/**
 * Tray Commerce REST API ("web_api"), after the developers.tray.com.br sources mirrored in
 * NelsonEspadoto/api-doc@ce3e5719 (source/includes/_pedidos.md, _produtos.md, _variacao-produtos.md,
 * _nota-fiscal.md, _status-pedido.md, _autorizacao.md) and Tray's own PHP client test mocks
 * (tray-tecnologia/tray-api-php-client, tests/Unit/Services/Catalog/__mocks__/products.json).
 *
 * ctx.baseUrl is the store's api_address ("https://www.urldaloja.com.br/web_api"); the transport adds
 * `?access_token=` (the n8n credential does, refreshing the ~3 h token). Listings answer
 * {paging:{total,page,offset,limit,maxLimit}, <Plural>:[{<Singular>:{…}}]} with limit ≤ 50.
 */
export const TRAY_MAX_LIMIT = 50;

/**
 * [?] The docs give no time zone: dates are "YYYY-MM-DD HH:MM:SS" without offset. Tray stores are Brazilian
 * and the panel shows Brasília time, so -03:00 (no DST since 2019) is assumed; options.timeZoneOffset
 * overrides it per account.
 */
export const TRAY_DEFAULT_OFFSET = '-03:00';

export const trayOffset = (ctx: AdapterContext): string => accountOffset(ctx.options, TRAY_DEFAULT_OFFSET);

// Tray listings answer {paging:{total…}, Orders:[{Order:{…}}]}: read by the shared reader.
export { readListing } from '../common/listing';
