#include "demo/DemoCatalog.h"

using namespace Qt::StringLiterals;

namespace steward::demo {

QUuid northwindTenantId() { return QUuid(u"6f1c2a90-3b7e-4c55-9d1a-0e5b7c2f4a11"_s); }
QUuid contosoTenantId() { return QUuid(u"b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b"_s); }

QList<DemoUser> northwindUsers()
{
    return {
        {u"amara.okafor"_s, u"Amara Okafor"_s, {Role::KernelArchitect, Role::MetadataSteward}},
        {u"tom.baker"_s, u"Tom Baker"_s, {Role::KernelArchitect}},
        {u"jonas.weber"_s, u"Jonas Weber"_s, {Role::MetadataSteward}},
        {u"lena.fischer"_s, u"Lena Fischer"_s, {Role::MetadataSteward, Role::DataOwner}},
        {u"raj.patel"_s, u"Raj Patel"_s, {Role::DataOwner}},
        {u"mei.chen"_s, u"Mei Chen"_s, {Role::Viewer}},
    };
}

QList<DemoUser> contosoUsers()
{
    return {
        {u"diego.ramos"_s, u"Diego Ramos"_s, {Role::MetadataSteward}},
        {u"sara.lind"_s, u"Sara Lind"_s, {Role::DataOwner}},
    };
}

QList<DemoField> fields()
{
    const Tier t1 = Tier::Tier1, t2 = Tier::Tier2, t3 = Tier::Tier3, t4 = Tier::Tier4, t5 = Tier::Tier5;
    return {
        {u"gl.journal_line.amount"_s, u"Journal line amount"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"amount"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"Signed amount of a journal line in transaction currency; debits positive, credits negative."_s},
        {u"gl.journal_line.amount_functional"_s, u"Amount in functional currency"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"amount_functional"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"Journal line amount translated at the booking-date rate into the company code's functional currency."_s},
        {u"gl.journal_line.account"_s, u"GL account"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"account_code"_s, u"TEXT"_s, u"10"_s, t1, u"Chart-of-accounts code the line posts to."_s},
        {u"gl.journal_line.posting_date"_s, u"Posting date"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"posting_date"_s, u"DATE"_s, u"YYYY-MM-DD"_s, t1, u"Date the line is posted to the ledger; determines the fiscal period."_s},
        {u"gl.journal_line.currency"_s, u"Transaction currency"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"currency"_s, u"TEXT"_s, u"3"_s, t2, u"ISO 4217 code of the transaction currency."_s},
        {u"gl.journal_line.cost_center"_s, u"Cost center"_s, u"General Ledger"_s, u"CO"_s, u"journal_lines"_s, u"cost_center"_s, u"TEXT"_s, u"10"_s, t2, u"Controlling object that bears the cost of an expense line."_s},
        {u"gl.journal_line.company_code"_s, u"Company code"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"company_code"_s, u"TEXT"_s, u"4"_s, t1, u"Legal entity that owns the journal."_s},
        {u"gl.journal_line.document_number"_s, u"Document number"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"document_number"_s, u"TEXT"_s, u"12"_s, t2, u"Number of the accounting document the line belongs to."_s},
        {u"gl.journal_line.fiscal_period"_s, u"Fiscal period"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"fiscal_period"_s, u"INTEGER"_s, QString(), t2, u"Posting period 1-12, plus 13-16 for closing adjustments."_s},
        {u"gl.journal_line.tax_code"_s, u"Tax code"_s, u"Tax"_s, u"GL"_s, u"journal_lines"_s, u"tax_code"_s, u"TEXT"_s, u"2"_s, t3, u"Code that determines the tax treatment of the line."_s},
        {u"gl.journal_line.reversal_flag"_s, u"Reversal flag"_s, u"General Ledger"_s, u"GL"_s, u"journal_lines"_s, u"is_reversal"_s, u"BOOLEAN"_s, QString(), t3, u"True when the line reverses an earlier posting."_s},
        {u"gl.account.name"_s, u"Account name"_s, u"General Ledger"_s, u"GL"_s, u"accounts"_s, u"name"_s, u"TEXT"_s, u"80"_s, t3, u"Short name of a GL account as shown on reports."_s},
        {u"gl.account.type"_s, u"Account type"_s, u"General Ledger"_s, u"GL"_s, u"accounts"_s, u"account_type"_s, u"TEXT"_s, u"12"_s, t2, u"Asset, liability, equity, revenue or expense."_s},
        {u"ap.invoice.gross_amount"_s, u"Invoice gross amount"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"gross_amount"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"Total amount of a supplier invoice including tax."_s},
        {u"ap.invoice.net_amount"_s, u"Invoice net amount"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"net_amount"_s, u"DECIMAL"_s, u"18,2"_s, t2, u"Invoice amount before tax."_s},
        {u"ap.invoice.due_date"_s, u"Invoice due date"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"due_date"_s, u"DATE"_s, u"YYYY-MM-DD"_s, t2, u"Date by which the invoice must be paid to meet payment terms."_s},
        {u"ap.invoice.supplier_id"_s, u"Supplier"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"supplier_id"_s, u"TEXT"_s, u"10"_s, t2, u"Vendor master number of the invoicing supplier."_s},
        {u"ap.invoice.payment_terms"_s, u"Payment terms"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"payment_terms"_s, u"TEXT"_s, u"4"_s, t3, u"Key of the agreed payment terms, e.g. N30."_s},
        {u"ap.invoice.status"_s, u"Invoice status"_s, u"Accounts Payable"_s, u"AP"_s, u"ap_invoices"_s, u"status"_s, u"TEXT"_s, u"10"_s, t3, u"Workflow state: received, approved, paid or disputed."_s},
        {u"ap.supplier.iban"_s, u"Supplier IBAN"_s, u"Accounts Payable"_s, u"AP"_s, u"suppliers"_s, u"iban"_s, u"TEXT"_s, u"34"_s, t1, u"International bank account number payments are sent to."_s},
        {u"ap.supplier.country"_s, u"Supplier country"_s, u"Accounts Payable"_s, u"AP"_s, u"suppliers"_s, u"country"_s, u"TEXT"_s, u"2"_s, t4, u"ISO 3166 country of the supplier's registered office."_s},
        {u"ar.invoice.gross_amount"_s, u"Customer invoice amount"_s, u"Accounts Receivable"_s, u"AR"_s, u"ar_invoices"_s, u"gross_amount"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"Total billed to the customer including tax."_s},
        {u"ar.invoice.customer_id"_s, u"Customer"_s, u"Accounts Receivable"_s, u"AR"_s, u"ar_invoices"_s, u"customer_id"_s, u"TEXT"_s, u"10"_s, t2, u"Customer master number of the billed party."_s},
        {u"ar.invoice.days_overdue"_s, u"Days overdue"_s, u"Accounts Receivable"_s, u"AR"_s, u"ar_invoices"_s, u"days_overdue"_s, u"INTEGER"_s, QString(), t3, u"Days past the due date on the reporting date; 0 when not yet due."_s},
        {u"ar.invoice.dunning_level"_s, u"Dunning level"_s, u"Accounts Receivable"_s, u"AR"_s, u"ar_invoices"_s, u"dunning_level"_s, u"INTEGER"_s, QString(), t4, u"Number of reminders sent, 0-4."_s},
        {u"ar.customer.credit_limit"_s, u"Credit limit"_s, u"Accounts Receivable"_s, u"AR"_s, u"customers"_s, u"credit_limit"_s, u"DECIMAL"_s, u"18,2"_s, t2, u"Maximum open receivables allowed for the customer."_s},
        {u"ar.customer.segment"_s, u"Customer segment"_s, u"Accounts Receivable"_s, u"AR"_s, u"customers"_s, u"segment"_s, u"TEXT"_s, u"20"_s, t5, u"Sales segment used for reporting, e.g. Enterprise, SMB."_s},
        {u"treasury.cash_position.balance"_s, u"Cash balance"_s, u"Treasury"_s, u"TR"_s, u"cash_positions"_s, u"balance"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"End-of-day balance of a bank account."_s},
        {u"treasury.cash_position.value_date"_s, u"Value date"_s, u"Treasury"_s, u"TR"_s, u"cash_positions"_s, u"value_date"_s, u"DATE"_s, u"YYYY-MM-DD"_s, t2, u"Date on which the balance is available."_s},
        {u"treasury.fx_rate.rate"_s, u"FX rate"_s, u"Treasury"_s, u"TR"_s, u"fx_rates"_s, u"rate"_s, u"DECIMAL"_s, u"18,8"_s, t1, u"Units of quote currency per unit of base currency."_s},
        {u"treasury.fx_rate.rate_type"_s, u"Rate type"_s, u"Treasury"_s, u"TR"_s, u"fx_rates"_s, u"rate_type"_s, u"TEXT"_s, u"4"_s, t3, u"M (average), B (bank buying), G (bank selling)."_s},
        {u"co.budget.amount"_s, u"Budget amount"_s, u"Controlling"_s, u"CO"_s, u"budgets"_s, u"amount"_s, u"DECIMAL"_s, u"18,2"_s, t2, u"Planned amount for a cost center and period."_s},
        {u"co.budget.version"_s, u"Plan version"_s, u"Controlling"_s, u"CO"_s, u"budgets"_s, u"plan_version"_s, u"TEXT"_s, u"3"_s, t4, u"Plan version, 000 for the approved budget."_s},
        {u"co.cost_center.manager"_s, u"Cost center manager"_s, u"Controlling"_s, u"CO"_s, u"cost_centers"_s, u"manager_id"_s, u"TEXT"_s, u"12"_s, t4, u"Employee responsible for the cost center."_s},
        {u"tax.vat_return.payable"_s, u"VAT payable"_s, u"Tax"_s, u"TAX"_s, u"vat_returns"_s, u"payable"_s, u"DECIMAL"_s, u"18,2"_s, t1, u"VAT due to the tax authority for the return period."_s},
        {u"tax.vat_return.period"_s, u"VAT return period"_s, u"Tax"_s, u"TAX"_s, u"vat_returns"_s, u"period"_s, u"TEXT"_s, u"7"_s, t3, u"Return period as YYYY-MM."_s},
        {u"fa.asset.acquisition_cost"_s, u"Acquisition cost"_s, u"Fixed Assets"_s, u"FA"_s, u"assets"_s, u"acquisition_cost"_s, u"DECIMAL"_s, u"18,2"_s, t2, u"Capitalised cost of a fixed asset."_s},
        {u"fa.asset.useful_life"_s, u"Useful life"_s, u"Fixed Assets"_s, u"FA"_s, u"assets"_s, u"useful_life_months"_s, u"INTEGER"_s, QString(), t3, u"Depreciation period in months."_s},
        {u"fa.asset.in_service_date"_s, u"In-service date"_s, u"Fixed Assets"_s, u"FA"_s, u"assets"_s, u"in_service_date"_s, u"DATE"_s, u"YYYY-MM-DD"_s, t3, u"Date depreciation starts."_s},
        {u"fa.asset.class"_s, u"Asset class"_s, u"Fixed Assets"_s, u"FA"_s, u"assets"_s, u"asset_class"_s, u"TEXT"_s, u"8"_s, t5, u"Grouping that sets default depreciation rules."_s},
    };
}

QList<DemoKpi> kpis()
{
    return {
        {u"kpi.dso"_s, u"Days sales outstanding"_s, u"SUM(ar.invoice.gross_amount open) / SUM(revenue last 90 days) * 90"_s, {u"ar.invoice.gross_amount"_s}, Tier::Tier1, u"Average number of days to collect receivables."_s},
        {u"kpi.dpo"_s, u"Days payables outstanding"_s, u"SUM(ap.invoice.gross_amount open) / SUM(cogs last 90 days) * 90"_s, {u"ap.invoice.gross_amount"_s}, Tier::Tier1, u"Average number of days to pay suppliers."_s},
        {u"kpi.cash_conversion_cycle"_s, u"Cash conversion cycle"_s, u"kpi.dso + kpi.dio - kpi.dpo"_s, {u"ar.invoice.gross_amount"_s, u"ap.invoice.gross_amount"_s}, Tier::Tier2, u"Days between paying for inputs and collecting cash from sales."_s},
        {u"kpi.overdue_ratio"_s, u"Overdue receivables ratio"_s, u"SUM(gross_amount WHERE days_overdue > 0) / SUM(gross_amount)"_s, {u"ar.invoice.gross_amount"_s, u"ar.invoice.days_overdue"_s}, Tier::Tier2, u"Share of receivables past due."_s},
        {u"kpi.budget_variance"_s, u"Budget variance"_s, u"(actual - co.budget.amount) / co.budget.amount"_s, {u"co.budget.amount"_s, u"gl.journal_line.amount_functional"_s}, Tier::Tier2, u"Deviation of actual cost from budget per cost center."_s},
        {u"kpi.on_time_payment_rate"_s, u"On-time payment rate"_s, u"COUNT(paid <= due_date) / COUNT(paid)"_s, {u"ap.invoice.due_date"_s}, Tier::Tier3, u"Share of supplier invoices paid by their due date."_s},
        {u"kpi.net_cash_position"_s, u"Net cash position"_s, u"SUM(treasury.cash_position.balance) - short-term debt"_s, {u"treasury.cash_position.balance"_s}, Tier::Tier1, u"Cash minus short-term borrowings, in group currency."_s},
        {u"kpi.effective_tax_rate"_s, u"Effective tax rate"_s, u"tax expense / profit before tax"_s, {u"tax.vat_return.payable"_s}, Tier::Tier3, u"Tax expense as a share of pre-tax profit."_s},
        {u"kpi.manual_journal_share"_s, u"Manual journal share"_s, u"COUNT(manual lines) / COUNT(lines)"_s, {u"gl.journal_line.document_number"_s}, Tier::Tier4, u"Share of journal lines keyed by hand; a close-quality indicator."_s},
        {u"kpi.asset_turnover"_s, u"Asset turnover"_s, u"revenue / AVG(fa.asset.acquisition_cost)"_s, {u"fa.asset.acquisition_cost"_s}, Tier::Tier5, u"Revenue generated per unit of fixed assets."_s},
    };
}

QList<DemoRule> rules()
{
    return {
        {u"rule.gl.amount_precision"_s, u"Journal amounts fit DECIMAL 18,2"_s, u"gl.journal_line.amount"_s, u"range"_s, uR"({"min": -9999999999999999.99, "max": 9999999999999999.99})"_s, u"critical"_s},
        {u"rule.gl.account_format"_s, u"GL account is a 6-10 digit code"_s, u"gl.journal_line.account"_s, u"regex"_s, uR"({"pattern": "^[0-9]{6,10}$"})"_s, u"error"_s},
        {u"rule.gl.currency_iso"_s, u"Currency is an ISO 4217 code"_s, u"gl.journal_line.currency"_s, u"regex"_s, uR"({"pattern": "^[A-Z]{3}$"})"_s, u"error"_s},
        {u"rule.gl.posting_date_required"_s, u"Posting date is always set"_s, u"gl.journal_line.posting_date"_s, u"not_null"_s, u"{}"_s, u"critical"_s},
        {u"rule.gl.fiscal_period_range"_s, u"Fiscal period between 1 and 16"_s, u"gl.journal_line.fiscal_period"_s, u"range"_s, uR"({"min": 1, "max": 16})"_s, u"error"_s},
        {u"rule.gl.company_code_known"_s, u"Company code is a known entity"_s, u"gl.journal_line.company_code"_s, u"enum"_s, uR"({"values": ["1000", "1100", "2000", "3000"]})"_s, u"critical"_s},
        {u"rule.ap.iban_format"_s, u"Supplier IBAN is well formed"_s, u"ap.supplier.iban"_s, u"regex"_s, uR"({"pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"})"_s, u"critical"_s},
        {u"rule.ap.gross_positive"_s, u"Invoice gross amount is positive"_s, u"ap.invoice.gross_amount"_s, u"range"_s, uR"({"min": 0.01})"_s, u"error"_s},
        {u"rule.ap.status_values"_s, u"Invoice status is a workflow state"_s, u"ap.invoice.status"_s, u"enum"_s, uR"({"values": ["received", "approved", "paid", "disputed"]})"_s, u"warning"_s},
        {u"rule.ar.days_overdue_range"_s, u"Days overdue is not negative"_s, u"ar.invoice.days_overdue"_s, u"range"_s, uR"({"min": 0, "max": 3650})"_s, u"warning"_s},
        {u"rule.ar.dunning_range"_s, u"Dunning level 0-4"_s, u"ar.invoice.dunning_level"_s, u"range"_s, uR"({"min": 0, "max": 4})"_s, u"warning"_s},
        {u"rule.treasury.rate_type"_s, u"Rate type is M, B or G"_s, u"treasury.fx_rate.rate_type"_s, u"enum"_s, uR"({"values": ["M", "B", "G"]})"_s, u"error"_s},
        {u"rule.gl.document_unique"_s, u"Document numbers are unique per line"_s, u"gl.journal_line.document_number"_s, u"unique"_s, u"{}"_s, u"error"_s},
        {u"rule.tax.period_format"_s, u"VAT period is YYYY-MM"_s, u"tax.vat_return.period"_s, u"regex"_s, uR"({"pattern": "^20[0-9]{2}-(0[1-9]|1[0-2])$"})"_s, u"error"_s},
    };
}

QList<DemoTerm> glossary()
{
    return {
        {u"term.accrual"_s, u"Accrual"_s, u"An expense or revenue recognised in the period it is incurred or earned, before cash changes hands."_s, {u"accrued expense"_s}},
        {u"term.functional_currency"_s, u"Functional currency"_s, u"The currency of the primary economic environment in which an entity operates."_s, {u"local currency"_s}},
        {u"term.fiscal_period"_s, u"Fiscal period"_s, u"A month-like subdivision of the fiscal year to which postings are assigned."_s, {u"posting period"_s}},
        {u"term.cost_center"_s, u"Cost center"_s, u"An organisational unit to which costs are assigned for control purposes."_s, {u"cost centre"_s}},
        {u"term.dunning"_s, u"Dunning"_s, u"The process of reminding customers of overdue payments in escalating steps."_s, {u"payment reminder"_s}},
        {u"term.three_way_match"_s, u"Three-way match"_s, u"Checking a supplier invoice against its purchase order and goods receipt before payment."_s, {u"3-way match"_s}},
        {u"term.reconciliation"_s, u"Reconciliation"_s, u"Agreeing two sets of records, such as the bank statement and the cash ledger, and explaining differences."_s, {u"recon"_s}},
        {u"term.chart_of_accounts"_s, u"Chart of accounts"_s, u"The structured list of all general ledger accounts used by a company."_s, {u"CoA"_s}},
        {u"term.intercompany"_s, u"Intercompany transaction"_s, u"A transaction between two legal entities of the same group, eliminated on consolidation."_s, {u"IC"_s}},
        {u"term.value_date"_s, u"Value date"_s, u"The date on which funds become available or start earning interest."_s, {}},
        {u"term.write_off"_s, u"Write-off"_s, u"Removing an uncollectable receivable or impaired asset from the books."_s, {u"bad debt"_s}},
        {u"term.close"_s, u"Period-end close"_s, u"The set of tasks that finalise the books for a fiscal period."_s, {u"month-end close"_s, u"closing"_s}},
    };
}

} // namespace steward::demo
