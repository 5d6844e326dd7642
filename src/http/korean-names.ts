/** Korean names a buyer reads for the vendor's codes, shared by the checkout and receipt pages. */
export const PAY_METHOD_NAMES: Record<string, string> = { card: '신용카드', trans: '실시간 계좌이체', vbank: '가상계좌', phone: '휴대폰 소액결제' };

export const PAYMENT_STATUS_NAMES: Record<string, string> = { ready: '결제대기', paid: '결제완료', cancelled: '결제취소', failed: '결제실패' };
