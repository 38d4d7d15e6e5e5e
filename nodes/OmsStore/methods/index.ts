export { omsStoreConnectionTest } from './credentialTest';
