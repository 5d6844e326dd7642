import t from 'tap';
import { mountedOperations } from '../../src/api/mounted-operations.js';
import { createRouter, type Route } from '../../src/api/router.js';

// The router alone: which operation a method and raw path lead to, as find-my-way (Fastify's router) decides.

const router = createRouter(mountedOperations(true));
const idOf = (route: Route) => (route.kind === 'operation' ? route.operation.operationId : route.kind);
const paramsOf = (route: Route) => (route.kind === 'operation' ? route.params : null);

t.test('a static segment beats a parameter at the first segment where two paths differ', async (t) => {
  t.equal(idOf(router.find('GET', '/payments/find/order-1')), 'getPaymentByMerchantUidAnyStatus');
  t.same(paramsOf(router.find('GET', '/payments/find/order-1')), { merchant_uid: 'order-1' });
  t.equal(idOf(router.find('GET', '/payments/find')), 'getPaymentByImpUid', 'without a merchant_uid, `find` is an imp_uid');
  t.equal(idOf(router.find('GET', '/payments/imp_1')), 'getPaymentByImpUid');
  t.equal(idOf(router.find('GET', '/payments/find/order-1/paid')), 'getPaymentByMerchantUid');
  t.equal(idOf(router.find('GET', '/payments/prepare/order-1')), 'getPaymentPrepareByMerchantUid');
  t.equal(idOf(router.find('GET', '/subscribe/payments/schedule/customers/cu-1')), 'findSchedulesByCustomer');
  t.same(paramsOf(router.find('GET', '/subscribe/payments/schedule/customers/cu-1')), { customer_uid: 'cu-1' });
  t.equal(idOf(router.find('GET', '/subscribe/payments/schedule/customers')), 'getScheduleByMid');
  t.equal(idOf(router.find('GET', '/subscribe/payments/schedule/m-1')), 'getScheduleByMid');
  t.equal(idOf(router.find('GET', '/subscribe/payments/schedule')), 'findSchedulesByRange');
});

t.test('paths are case-sensitive; one trailing slash is dropped (issue #23, point 15)', async (t) => {
  t.equal(idOf(router.find('POST', '/users/getToken')), 'getToken');
  t.equal(idOf(router.find('POST', '/Users/GetToken')), 'not-found');
  t.equal(idOf(router.find('POST', '/users/gettoken')), 'not-found');
  t.equal(idOf(router.find('POST', '/users/getToken/')), 'getToken');
  t.equal(idOf(router.find('POST', '/subscribe/payments/onetime/')), 'onetime');
  t.equal(idOf(router.find('POST', '/payments/cancel/')), 'cancelPayment');
  t.equal(idOf(router.find('GET', '/payments/')), 'getPaymentListByImpUid', 'the path without the slash');
  t.equal(idOf(router.find('GET', '/payments/find/order-1/')), 'getPaymentByMerchantUidAnyStatus', 'no empty payment_status');
  t.same(paramsOf(router.find('GET', '/payments/find/order-1/')), { merchant_uid: 'order-1' });
  t.same(paramsOf(router.find('GET', '/payments/find/order-1/paid/')), { merchant_uid: 'order-1', payment_status: 'paid' });
  t.equal(idOf(router.find('GET', '/payments/findAll/order-1/')), 'getAllPaymentsByMerchantUidAnyStatus');
  t.equal(idOf(router.find('OPTIONS', '/sandbox/window/requests/')), 'preflight');
  t.equal(idOf(router.find('POST', '/users/getToken//')), 'not-found', 'only one slash is dropped');
});

t.test('methods: every GET answers HEAD; other methods only their own', async (t) => {
  t.equal(idOf(router.find('HEAD', '/payments/imp_1')), 'getPaymentByImpUid');
  t.equal(idOf(router.find('HEAD', '/sandbox/health')), 'sandboxHealth');
  t.equal(idOf(router.find('HEAD', '/users/getToken')), 'not-found', 'HEAD of a POST route');
  t.equal(idOf(router.find('PUT', '/users/getToken')), 'not-found');
  t.equal(idOf(router.find('PATCH', '/users/getToken')), 'not-found');
  t.equal(idOf(router.find('DELETE', '/subscribe/customers/cu-1')), 'customer_delete');
});

t.test('parameters are percent-decoded; a path that does not decode is refused before routing', async (t) => {
  t.same(paramsOf(router.find('GET', '/payments/find/%EC%A3%BC%EB%AC%B8%2F1')), { merchant_uid: '주문/1' });
  t.same(paramsOf(router.find('GET', '/subscribe/customers/a%20b')), { customer_uid: 'a b' });
  t.same(paramsOf(router.find('GET', '/subscribe/customers/a+b')), { customer_uid: 'a+b' }, 'a plus is a plus in a path');
  t.equal(idOf(router.find('GET', '/payments/50%off')), 'bad-url');
  t.equal(idOf(router.find('GET', '/payments/%E0%A4%A')), 'bad-url');
  t.equal(idOf(router.find('GET', '/nope/%zz')), 'bad-url', 'on an unknown path too');
});

t.test('parameters are as long as a body may be: the schemas limit them, not the router', async (t) => {
  const long = 'x'.repeat(10_000);
  t.same(paramsOf(router.find('GET', `/payments/${long}`)), { imp_uid: long });
});

t.test('CORS operations answer their preflight; the control API is mounted only with control', async (t) => {
  t.equal(idOf(router.find('OPTIONS', '/sandbox/window/requests')), 'preflight');
  t.equal(idOf(router.find('OPTIONS', '/sandbox/window/requests/imp_1/approve')), 'preflight');
  t.equal(idOf(router.find('OPTIONS', '/users/getToken')), 'not-found');
  t.equal(idOf(router.find('POST', '/sandbox/vbanks/imp_1/deposit')), 'sandboxVbankDeposit');
  const withoutControl = createRouter(mountedOperations(false));
  t.equal(idOf(withoutControl.find('POST', '/sandbox/vbanks/imp_1/deposit')), 'not-found');
  t.equal(idOf(withoutControl.find('POST', '/sandbox/reset')), 'not-found');
  t.equal(idOf(withoutControl.find('GET', '/sandbox/health')), 'sandboxHealth', 'health stays');
  t.equal(idOf(withoutControl.find('POST', '/sandbox/window/requests')), 'sandboxWindowRequest', 'and the window');
});
