import type { ChannelId } from '../../../../core/channels/registry';
import type { ListingDriver } from '../listing-conformance';
import type { WriterDriver } from '../writer-conformance';
import { amazonListingDriver, amazonWriterDriver } from './amazon';
import { americanasListingDriver, americanasWriterDriver } from './americanas';
import { httpListingDriver, httpWriterDriver } from './http';
import { anyMarketListingDriver, anyMarketWriterDriver } from './anymarket';
import { pluggToListingDriver, pluggToWriterDriver } from './pluggto';
import { lojaIntegradaListingDriver, lojaIntegradaWriterDriver } from './lojaintegrada';
import { madeiraMadeiraListingDriver, madeiraMadeiraWriterDriver } from './madeiramadeira';
import { olistListingDriver, olistWriterDriver } from './olist';
import { magentoListingDriver, magentoWriterDriver } from './magento';
import { magaluListingDriver, magaluWriterDriver } from './magalu';
import { miraklListingDriver, miraklWriterDriver } from './mirakl';
import { mercadoLivreListingDriver, mercadoLivreWriterDriver } from './mercadolivre';
import { nuvemshopListingDriver, nuvemshopWriterDriver } from './nuvemshop';
import { prestaShopListingDriver, prestaShopWriterDriver } from './prestashop';
import { wakeListingDriver, wakeWriterDriver } from './wake';
import { shopeeListingDriver, shopeeWriterDriver } from './shopee';
import { shopifyListingDriver, shopifyWriterDriver } from './shopify';
import { trayListingDriver, trayWriterDriver } from './tray';
import { viaListingDriver, viaWriterDriver } from './via';
import { vtexListingDriver, vtexWriterDriver } from './vtex';
import { wooCommerceListingDriver, wooCommerceWriterDriver } from './woocommerce';

/** Every registered channel's simulator drivers: a channel without one does not compile. */
export const WRITER_DRIVERS: Record<ChannelId, WriterDriver> = {
	mercadolivre: mercadoLivreWriterDriver,
	shopify: shopifyWriterDriver,
	woocommerce: wooCommerceWriterDriver,
	vtex: vtexWriterDriver,
	nuvemshop: nuvemshopWriterDriver,
	magalu: magaluWriterDriver,
	amazon: amazonWriterDriver,
	tray: trayWriterDriver,
	lojaintegrada: lojaIntegradaWriterDriver,
	magento: magentoWriterDriver,
	shopee: shopeeWriterDriver,
	mirakl: miraklWriterDriver,
	americanas: americanasWriterDriver,
	http: httpWriterDriver,
	madeiramadeira: madeiraMadeiraWriterDriver,
	prestashop: prestaShopWriterDriver,
	via: viaWriterDriver,
	anymarket: anyMarketWriterDriver,
	wake: wakeWriterDriver,
	pluggto: pluggToWriterDriver,
	olist: olistWriterDriver,
};

export const LISTING_DRIVERS: Record<ChannelId, ListingDriver> = {
	mercadolivre: mercadoLivreListingDriver,
	shopify: shopifyListingDriver,
	woocommerce: wooCommerceListingDriver,
	vtex: vtexListingDriver,
	nuvemshop: nuvemshopListingDriver,
	magalu: magaluListingDriver,
	amazon: amazonListingDriver,
	tray: trayListingDriver,
	lojaintegrada: lojaIntegradaListingDriver,
	magento: magentoListingDriver,
	shopee: shopeeListingDriver,
	mirakl: miraklListingDriver,
	americanas: americanasListingDriver,
	http: httpListingDriver,
	madeiramadeira: madeiraMadeiraListingDriver,
	prestashop: prestaShopListingDriver,
	via: viaListingDriver,
	anymarket: anyMarketListingDriver,
	wake: wakeListingDriver,
	pluggto: pluggToListingDriver,
	olist: olistListingDriver,
};
