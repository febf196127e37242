// The demo's 90 days of profile history (demo::ProfileHistorySeeder, written by
// DemoSeeder): within the window and never in the future, shaped by the tiers'
// schedules, telling its story (drifts below the line and back, fresh drops, failures),
// and with mdm_alert holding exactly what the alert rules say about those runs.

#include "../TestDatabase.h"

#include "alerts/AlertRules.h"
#include "demo/DemoCatalog.h"
#include "demo/DemoSeeder.h"
#include "demo/ProfileHistorySeeder.h"
#include "demo/WarehouseSeeder.h"
#include "quality/QualityQueries.h"

#include <QHash>

using namespace steward;
using namespace steward::testing;
using namespace Qt::StringLiterals;

class ProfileHistoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void staysWithinTheWindow();
    void followsTheTierSchedules();
    void tellsTheStory();
    void failuresAreWhereTheyBelong();
    void alertsAreWhatTheRulesSayAboutTheRuns();
    void contosoHasAHistoryOfItsOwn();
    void seedsAnyFieldList();

private:
    int count(const QString &where, const QVariantList &values) const;
    double scalarDouble(const QString &sql, const QVariantList &values) const;
    static QList<double> scoresInOrder(const TestDatabase &database);

    TestDatabase m_db;
    QDateTime m_before;
    QDateTime m_after;
    QString m_northwind;
};

int ProfileHistoryTest::count(const QString &where, const QVariantList &values) const
{
    return m_db.scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE "_s + where, values).toInt();
}

double ProfileHistoryTest::scalarDouble(const QString &sql, const QVariantList &values) const
{
    return m_db.scalar(sql, values).toDouble();
}

void ProfileHistoryTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    m_before = QDateTime::currentDateTimeUtc();
    // The demo's directory and history are the schema owner's to write (on a team database
    // its people act through their own logins).
    DemoSeeder seeder(m_db.fixture());
    seeder.setWarehouseJournalLines(5000);
    // The warehouse the history's failures are about: an SQLite file beside the metadata
    // file, which a team database references as well (its tenants' data source).
    seeder.setWarehousePath(WarehouseSeeder::pathBeside(m_db.path()));
    STEWARD_VERIFY_OK(seeder.seed());
    m_after = QDateTime::currentDateTimeUtc();
    m_northwind = uuidText(demo::northwindTenantId());
    // The queries under test read as a Northwind person (on a team database the
    // connection sees only the tenant it signed in to).
    STEWARD_VERIFY_OK(m_db.database().signIn(demo::northwindTenantId(), u"mei.chen"_s));
}

void ProfileHistoryTest::staysWithinTheWindow()
{
    const QString newest = m_db.scalar(u"SELECT MAX(created_at) FROM mdm_profile"_s).toString();
    const QString oldest = m_db.scalar(u"SELECT MIN(created_at) FROM mdm_profile"_s).toString();
    QVERIFY2(!newest.isEmpty(), "no history was written");
    QVERIFY2(fromIsoTimestamp(newest) <= m_after, qPrintable(newest)); // never in the future
    QVERIFY2(fromIsoTimestamp(oldest) >= m_before.addDays(-90), qPrintable(oldest));
    // It reaches back most of the way (fields were onboarded over the first days).
    QVERIFY2(fromIsoTimestamp(oldest) <= m_after.addDays(-80), qPrintable(oldest));
    // Only demo tenants got history; the fixture's own tenant has none.
    QCOMPARE(count(u"tenant_id = ?"_s, {uuidText(TestDatabase::tenantId())}), 0);
}

void ProfileHistoryTest::followsTheTierSchedules()
{
    // A daily tier1 field about 90 times, a tier2 field about 30, a tier3 field about 13.
    const auto runsOf = [this](const QString &key) {
        return count(u"tenant_id = ? AND canonical_key = ?"_s, {m_northwind, key});
    };
    const int tier1 = runsOf(u"gl.journal_line.amount"_s);
    const int tier2 = runsOf(u"ap.invoice.net_amount"_s);
    const int tier3 = runsOf(u"ar.invoice.days_overdue"_s);
    QVERIFY2(tier1 >= 80 && tier1 <= 100, qPrintable(QString::number(tier1)));
    QVERIFY2(tier2 >= 26 && tier2 <= 36, qPrintable(QString::number(tier2)));
    QVERIFY2(tier3 >= 11 && tier3 <= 18, qPrintable(QString::number(tier3)));
    // Every bound field of the catalog has a history.
    const int fields = m_db.scalar(u"SELECT COUNT(DISTINCT canonical_key) FROM mdm_profile WHERE tenant_id = ?"_s,
                                   {m_northwind})
                           .toInt();
    QCOMPARE(fields, int(demo::fields().size()));
    // Scores and grades agree (SPEC section 5), and every completed run has its figures.
    QCOMPARE(
        count(u"status = 'completed' AND (quality_score IS NULL OR completeness IS NULL OR validity IS NULL)"_s, {}),
        0);
    QCOMPARE(count(u"status = 'completed' AND quality_grade <> CASE WHEN quality_score >= 90 THEN 'A' "
                   u"WHEN quality_score >= 80 THEN 'B' WHEN quality_score >= 70 THEN 'C' "
                   u"WHEN quality_score >= 60 THEN 'D' ELSE 'F' END"_s,
                   {}),
             0);
    // Durations follow the table: a journal-line scan takes seconds, a small table less.
    const double journal = scalarDouble(u"SELECT AVG(duration_ms) FROM mdm_profile WHERE canonical_key = ? "
                                        u"AND status = 'completed'"_s,
                                        {u"gl.journal_line.amount"_s});
    const double small = scalarDouble(u"SELECT AVG(duration_ms) FROM mdm_profile WHERE canonical_key = ? "
                                      u"AND status = 'completed'"_s,
                                      {u"treasury.fx_rate.rate"_s});
    QVERIFY2(journal > small, qPrintable(u"%1 vs %2"_s.arg(journal).arg(small)));
}

void ProfileHistoryTest::tellsTheStory()
{
    // Two tier1 fields slid below 80 and came back.
    for (const QString &key : {u"gl.journal_line.amount_functional"_s, u"ap.supplier.iban"_s}) {
        const double lowest = scalarDouble(u"SELECT MIN(quality_score) FROM mdm_profile WHERE tenant_id = ? "
                                           u"AND canonical_key = ? AND status = 'completed'"_s,
                                           {m_northwind, key});
        const double latest = scalarDouble(u"SELECT quality_score FROM mdm_profile WHERE tenant_id = ? "
                                           u"AND canonical_key = ? AND status = 'completed' "
                                           u"ORDER BY created_at DESC LIMIT 1"_s,
                                           {m_northwind, key});
        QVERIFY2(lowest < 80, qPrintable(key));
        QVERIFY2(latest >= 82, qPrintable(key));
    }
    // Fresh drops of more than ten points, newest first, as the Quality page lists them.
    const quality::Period period = quality::Period::lastDays(90, m_after);
    auto drops = quality::QualityQueries(m_db.database()).recentDegradations(demo::northwindTenantId(), period);
    STEWARD_VERIFY_OK(drops);
    QStringList keys;
    for (const quality::Degradation &drop : drops.value()) {
        keys.append(drop.canonicalKey);
        QVERIFY(drop.drop() > 10);
    }
    keys.sort();
    QCOMPARE(keys, (QStringList{u"ap.invoice.due_date"_s, u"co.budget.amount"_s, u"treasury.fx_rate.rate_type"_s}));
    // The grades spread over the whole scale.
    auto distribution = quality::QualityQueries(m_db.database()).gradeDistribution(demo::northwindTenantId(), period);
    STEWARD_VERIFY_OK(distribution);
    std::array<int, quality::kGradeCount> grades{};
    for (const quality::DomainGrades &domain : distribution.value()) {
        for (std::size_t i = 0; i < grades.size(); ++i)
            grades[i] += domain.fields[i];
    }
    for (std::size_t i = 0; i < grades.size(); ++i)
        QVERIFY2(grades[i] > 0, qPrintable(quality::gradeNames().at(int(i))));
}

void ProfileHistoryTest::failuresAreWhereTheyBelong()
{
    // The two fields whose binding moved to a schema the warehouse lacks fail ever since.
    for (const QString &key : {u"gl.journal_line.tax_code"_s, u"ar.invoice.gross_amount"_s}) {
        const QString status = m_db.scalar(u"SELECT status FROM mdm_profile WHERE tenant_id = ? AND canonical_key = ? "
                                           u"ORDER BY created_at DESC LIMIT 1"_s,
                                           {m_northwind, key})
                                   .toString();
        QCOMPARE(status, u"failed"_s);
        QVERIFY(count(u"tenant_id = ? AND canonical_key = ? AND status = 'failed' AND error LIKE '%finance_v2%'"_s,
                      {m_northwind, key})
                > 0);
    }
    // One day the warehouse could not be opened: many failures that day, few on others.
    const int worst =
        m_db.scalar(u"SELECT MAX(failed) FROM (SELECT SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed "
                    u"FROM mdm_profile WHERE tenant_id = ? GROUP BY "_s +
                        m_db.fixture().dialect().dayOf(u"created_at"_s) + u") per_day"_s,
                    {m_northwind})
            .toInt();
    QVERIFY2(worst >= 8, qPrintable(QString::number(worst)));
    const int failed = count(u"tenant_id = ? AND status = 'failed'"_s, {m_northwind});
    const int all = count(u"tenant_id = ?"_s, {m_northwind});
    QVERIFY2(failed * 8 < all, qPrintable(u"%1 of %2"_s.arg(failed).arg(all))); // mostly good
}

void ProfileHistoryTest::alertsAreWhatTheRulesSayAboutTheRuns()
{
    // Replays the rules over the stored runs, field by field, oldest first.
    struct Expected
    {
        QString rule;
        QString key;
        QString firedAt;
        QString resolvedAt;
    };
    QList<Expected> expected;
    auto runs = m_db.fixture().run(
        u"SELECT p.canonical_key, p.tier, p.status, p.quality_score, p.created_at FROM mdm_profile p "
        u"WHERE p.tenant_id = ? ORDER BY p.canonical_key, p.created_at"_s,
        {m_northwind});
    STEWARD_VERIFY_OK(runs);
    QString field;
    QList<alerts::Alert> open;
    std::optional<double> previous;
    while (runs.value().next()) {
        const QSqlQuery &row = runs.value();
        if (row.value(0).toString() != field) {
            field = row.value(0).toString();
            open.clear();
            previous.reset();
        }
        const QString status = row.value(2).toString();
        const std::optional<double> score =
            row.value(3).isNull() ? std::nullopt : std::optional<double>(row.value(3).toDouble());
        const alerts::RunObservation observation{field, tierFromString(row.value(1).toString()).value_or(Tier::Tier3),
                                                 status == u"failed"_s, score, previous};
        const alerts::AlertDecision decision = alerts::evaluateRun(observation, open);
        for (const alerts::ResolvedAlert &resolved : decision.resolved) {
            for (Expected &alert : expected) {
                if (alert.key == field && alert.rule == resolved.rule && alert.resolvedAt.isEmpty())
                    alert.resolvedAt = row.value(4).toString();
            }
            open.removeIf([&resolved](const alerts::Alert &alert) { return alert.id == resolved.id; });
        }
        for (const alerts::FiredAlert &fired : decision.fired) {
            alerts::Alert alert;
            alert.id = QUuid::createUuid();
            alert.rule = fired.rule;
            alert.canonicalKey = field;
            open.append(alert);
            expected.append(Expected{fired.rule, field, row.value(4).toString(), {}});
        }
        if (status == u"completed"_s && score)
            previous = score;
    }
    QStringList want;
    for (const Expected &alert : std::as_const(expected))
        want.append(u"%1 %2 %3 %4"_s.arg(alert.key, alert.rule, alert.firedAt,
                                         alert.resolvedAt.isEmpty() ? u"firing"_s : alert.resolvedAt));
    want.sort();

    QStringList stored;
    auto alerts = m_db.fixture().run(u"SELECT canonical_key, rule, fired_at, state, resolved_at FROM mdm_alert "
                                      u"WHERE tenant_id = ?"_s,
                                      {m_northwind});
    STEWARD_VERIFY_OK(alerts);
    while (alerts.value().next()) {
        const QSqlQuery &row = alerts.value();
        stored.append(u"%1 %2 %3 %4"_s.arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                                           row.value(3).toString() == u"firing"_s ? u"firing"_s
                                                                                 : row.value(4).toString()));
    }
    stored.sort();
    QVERIFY(!want.isEmpty());
    QCOMPARE(stored, want);

    // The story in the alerts: company codes are below the line now; the FX rates were
    // once and recovered, with nothing left open.
    QVERIFY(std::any_of(want.cbegin(), want.cend(), [](const QString &line) {
        return line.startsWith(u"gl.journal_line.company_code Tier1QualityDegraded"_s) && line.endsWith(u"firing"_s);
    }));
    QVERIFY(std::any_of(want.cbegin(), want.cend(), [](const QString &line) {
        return line.startsWith(u"treasury.fx_rate.rate Tier1QualityDegraded"_s) && !line.endsWith(u"firing"_s);
    }));
    QCOMPARE(m_db.scalar(u"SELECT COUNT(*) FROM mdm_alert WHERE tenant_id = ? AND canonical_key = ? "
                         u"AND state = 'firing'"_s,
                         {m_northwind, u"treasury.fx_rate.rate"_s})
                 .toInt(),
             0);
}

void ProfileHistoryTest::contosoHasAHistoryOfItsOwn()
{
    // Contoso's fields are still being onboarded: the proposed ones were profiled by hand.
    const QString contoso = uuidText(demo::contosoTenantId());
    QVERIFY(count(u"tenant_id = ?"_s, {contoso}) > 0);
    QCOMPARE(count(u"tenant_id = ? AND trigger <> 'manual'"_s, {contoso}), 0);
    QCOMPARE(count(u"tenant_id = ? AND canonical_key NOT LIKE 'retail.%'"_s, {contoso}), 0);
    // ... and none of Northwind's keys.
    QCOMPARE(count(u"tenant_id = ? AND canonical_key LIKE 'gl.%'"_s, {contoso}), 0);
}

void ProfileHistoryTest::seedsAnyFieldList()
{
    // A field list of its own, at a fixed time: deterministic counts, nothing after `now`.
    TestDatabase other;
    STEWARD_VERIFY_OK(other.setUp());
    demo::HistoryField field;
    field.canonicalKey = u"orders.amount"_s;
    field.tier = Tier::Tier1;
    field.domain = u"Sales"_s;
    field.dataType = u"DECIMAL"_s;
    field.tableRows = 10000;
    demo::ProfileHistorySeeder::Options options;
    options.now = QDateTime(QDate(2025, 6, 30), QTime(12, 0), Qt::UTC);
    options.days = 30;
    auto summary = demo::ProfileHistorySeeder(other.fixture()).seed(TestDatabase::tenantId(), {field}, options);
    STEWARD_VERIFY_OK(summary);
    QCOMPARE(summary.value().fields, 1);
    QCOMPARE(other.rowCount(u"mdm_profile"_s), summary.value().runs);
    QVERIFY(summary.value().runs >= 30); // daily, plus the odd manual run
    const QString newest = other.scalar(u"SELECT MAX(created_at) FROM mdm_profile"_s).toString();
    QVERIFY2(fromIsoTimestamp(newest) < options.now, qPrintable(newest));
    QCOMPARE(other.scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE created_at < ?"_s,
                          {toIsoTimestamp(options.now.addDays(-30))})
                 .toInt(),
             0);

    TestDatabase again;
    STEWARD_VERIFY_OK(again.setUp());
    auto repeated = demo::ProfileHistorySeeder(again.fixture()).seed(TestDatabase::tenantId(), {field}, options);
    STEWARD_VERIFY_OK(repeated);
    QCOMPARE(repeated.value().runs, summary.value().runs);
    QCOMPARE(scoresInOrder(again), scoresInOrder(other));
}

// Every run's score, oldest first.
QList<double> ProfileHistoryTest::scoresInOrder(const TestDatabase &database)
{
    QList<double> scores;
    auto query = database.fixture().run(u"SELECT quality_score FROM mdm_profile ORDER BY created_at, quality_score"_s);
    if (!query)
        return {-1};
    while (query.value().next())
        scores.append(query.value().value(0).isNull() ? -1 : query.value().value(0).toDouble());
    return scores;
}

QTEST_GUILESS_MAIN(ProfileHistoryTest)
#include "tst_profilehistory.moc"
