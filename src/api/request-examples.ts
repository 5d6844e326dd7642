// The requests /docs shows, one per vendor operation that takes a body or a required parameter: each is a request
// the vendor would accept and that succeeds here when sent as is, as the shipped first merchant (its credentials
// get the token), on a fresh sandbox, in the order test/doors/docs-examples.test.ts sends them. An example cannot
// change by itself, so the ids are fixed and chained: the onetime charge issues the billing key the later examples
// charge, look up and delete, and each record an example reads is one an earlier example made. Amounts are small,
// the card is one the default cards approve, and no webhook target is named (the merchant's own is used).

/** The shipped first merchant's credentials (fixtures/merchants.json; an example that fails to get a token fails the test). */
const merchant = { imp_key: '7486213512445823', imp_secret: 'sandboxSecretA0001zVv7dKq3LmN8pR2sT6wY9bC4eF5gH1jK0xQ2uE7iO3aS8dG6hJ4kL' };

/** The ids the examples make and then reach. */
const ids = {
  customer: 'customer_1234',
  onetime: 'order-example-1',
  again: 'order-example-2',
  schedule: 'order-example-schedule-1',
  retried: 'order-example-schedule-2',
  prepare: 'order-example-prepare-1',
  receipt: 'order-example-receipt-1',
  vbank: 'order-example-vbank-1',
};

/**
 * An imp_uid is the sandbox's to issue (random), so no example can name one that exists: this one shows the form,
 * and the test puts in the imp_uid of the onetime example's payment.
 */
export const EXAMPLE_IMP_UID = 'imp_123456789012';

/** 2030-01-01 00:00 KST: a schedule's time must be in the future, on the sandbox's clock and on a real one (move it before 2030). */
const scheduleAt = 1893423600;
const day = 86400;
/** A range around the scheduled charges (at most three months, as the vendor allows). */
const range = { from: scheduleAt - 30 * day, to: scheduleAt + 30 * day };

const card = { card_number: '1234-1234-1234-1234', expiry: '2030-12' };
const buyer = { buyer_name: '홍길동', buyer_email: 'buyer@example.com', buyer_tel: '010-1234-5678' };
const charge = { amount: 1000, name: '월간 이용권' };

export const examples = {
  getToken: { body: { imp_key: merchant.imp_key, imp_secret: merchant.imp_secret } },
  onetime: { body: { merchant_uid: ids.onetime, ...charge, ...card, customer_uid: ids.customer, ...buyer } },
  again: { body: { customer_uid: ids.customer, merchant_uid: ids.again, ...charge, ...buyer } },
  customer: { params: { customer_uid: ids.customer } },
  customers: { query: { customer_uid: [ids.customer] } },
  customerSave: { params: { customer_uid: ids.customer }, body: { pg: 'settle', ...card, customer_name: buyer.buyer_name } },
  schedule: {
    body: {
      customer_uid: ids.customer,
      schedules: [
        { merchant_uid: ids.schedule, schedule_at: scheduleAt, ...charge },
        { merchant_uid: ids.retried, schedule_at: scheduleAt, ...charge },
      ],
    },
  },
  schedulesByRange: { query: { schedule_from: range.from, schedule_to: range.to } },
  schedulesByCustomer: { params: { customer_uid: ids.customer }, query: range },
  scheduleByMid: { params: { merchant_uid: ids.schedule } },
  updateSchedule: { params: { merchant_uid: ids.schedule }, body: { schedule_at: scheduleAt + day } },
  unschedule: { body: { customer_uid: ids.customer, merchant_uid: [ids.schedule, ids.retried] } },
  reschedule: { params: { merchant_uid: ids.schedule }, body: { schedule_at: scheduleAt + 2 * day } },
  retry: { params: { merchant_uid: ids.retried } },
  payment: { params: { imp_uid: EXAMPLE_IMP_UID } },
  findPayment: { params: { merchant_uid: ids.onetime, payment_status: 'paid' as const } },
  findPaymentAnyStatus: { params: { merchant_uid: ids.onetime } },
  payments: { query: { merchant_uid: [ids.onetime, ids.again] } },
  paymentsByStatus: { params: { payment_status: 'paid' as const } },
  cancel: { body: { merchant_uid: ids.again, reason: '고객 요청' } },
  prepare: { body: { merchant_uid: ids.prepare, amount: 1000 } },
  editPrepare: { body: { merchant_uid: ids.prepare, amount: 2000 } },
  getPrepare: { params: { merchant_uid: ids.prepare } },
  bankCode: { params: { bank_standard_code: '004' } },
  cardCode: { params: { card_standard_code: '361' } },
  createVbank: { body: { pg: 'settle', merchant_uid: ids.vbank, amount: 1000, vbank_code: '004', vbank_due: scheduleAt, vbank_holder: '홍길동', name: charge.name } },
  modifyVbank: { params: { imp_uid: EXAMPLE_IMP_UID }, body: { amount: 1000, vbank_due: scheduleAt } },
  receipt: { params: { imp_uid: EXAMPLE_IMP_UID }, body: { identifier: '01012345678', identifier_type: 'phone' as const, type: 'person' as const } },
  externalReceipt: { params: { merchant_uid: ids.receipt } },
  issueExternalReceipt: {
    params: { merchant_uid: ids.receipt },
    body: { pg: 'settle', name: charge.name, amount: 1000, identifier: '01012345678', identifier_type: 'phone' as const, type: 'person' as const },
  },
};
