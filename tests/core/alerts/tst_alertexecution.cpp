// A profile execution on a tiny warehouse: a tier1 field scoring 75 fires
// Tier1QualityDegraded, and alert.fired is stored in mdm_alert / mdm_event and delivered
// in the same commit as the run's metadata.profile.completed; a second run repeats nothing.

#include "../../integration/profiler/ProfilerFixture.h"

#include "alerts/AlertRepository.h"
#include "profiler/ProfileExecution.h"
#include "store/EventRepository.h"

#include <QTest>

#include <algorithm>

using namespace steward;
using namespace steward::alerts;
using namespace steward::profiler;
using steward::testing::ProfilerFixture;
using namespace Qt::StringLiterals;

namespace {

const QString kKey = u"finance.ledger.amount"_s;

int countType(const QList<Event> &events, const QString &type)
{
    return int(std::count_if(events.cbegin(), events.cend(), [&type](const Event &event) { return event.type == type; }));
}

} // namespace

class AlertExecutionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        auto failed = m_fixture.setUp();
        QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");
        // Every second amount is NULL: completeness 50, validity 100, score 75.
        failed = m_fixture.createTable(u"ledger"_s, {{u"amount"_s, u"INTEGER"_s}}, 100,
                                       [](qint64 row, int) { return row % 2 ? QVariant(row) : QVariant(); });
        QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");
        failed = m_fixture.addField(kKey, Tier::Tier1, u"ledger"_s, u"amount"_s, u"INTEGER"_s);
        QVERIFY2(!failed, failed ? qPrintable(failed->text()) : "");
    }

    void firedInTheRunsCommit()
    {
        ProfileExecution execution(m_fixture.database());
        QList<QList<Event>> commits;
        execution.setCommittedEventsHandler([&commits](const QList<Event> &events) { commits.append(events); });
        ProfileRequest request;
        request.tenantId = m_fixture.tenantId();
        request.canonicalKeys = {kKey};
        request.bypassCostGuard = true;
        auto outcome = execution.execute(request);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().text()));
        QCOMPARE(outcome.value().runs.size(), 1);
        QVERIFY(outcome.value().runs.constFirst().metrics.qualityScore);
        QCOMPARE(qRound(*outcome.value().runs.constFirst().metrics.qualityScore), 75);

        // The last commit holds the run's result and its alert, in that order.
        QVERIFY(!commits.isEmpty());
        const QList<Event> &last = commits.constLast();
        QCOMPARE(countType(last, QString::fromUtf16(ProfileEventType::Completed)), 1);
        QCOMPARE(countType(last, QString::fromUtf16(AlertEventType::Fired)), 1);
        QCOMPARE(last.constLast().type, QString::fromUtf16(AlertEventType::Fired));
        const Event fired = last.constLast();
        QCOMPARE(fired.payload.value(u"rule"_s).toString(), QString::fromUtf16(AlertRule::Tier1QualityDegraded));
        QCOMPARE(fired.payload.value(u"canonicalKey"_s).toString(), kKey);
        QCOMPARE(fired.payload.value(u"tier"_s).toString(), u"tier1"_s);
        QCOMPARE(fired.payload.value(u"severity"_s).toString(), u"critical"_s);
        QCOMPARE(qRound(fired.payload.value(u"value"_s).toDouble()), 75);
        QCOMPARE(fired.payload.value(u"threshold"_s).toDouble(), 80.0);
        const QUuid alertId = QUuid::fromString(fired.payload.value(u"alertId"_s).toString());
        QCOMPARE(fired.correlationId, alertId);

        // Stored: the alert row and the event in mdm_event, after the completed event.
        auto open = AlertRepository(m_fixture.database()).openForField(m_fixture.tenantId(), kKey);
        QVERIFY(open.ok());
        QCOMPARE(open.value().size(), 1);
        QCOMPARE(open.value().constFirst().id, alertId);
        EventQuery query;
        query.type = u"alert.*"_s;
        auto stored = EventRepository(m_fixture.database()).list(m_fixture.tenantId(), query);
        QVERIFY(stored.ok());
        QCOMPARE(stored.value().size(), 1);
        QCOMPARE(stored.value().constFirst().correlationId, alertId);
        QVERIFY(stored.value().constFirst().seq > 0);

        // A second run with the same score: still firing, nothing repeated.
        commits.clear();
        auto second = execution.execute(request);
        QVERIFY(second.ok());
        QCOMPARE(countType(second.value().events, QString::fromUtf16(AlertEventType::Fired)), 0);
        QCOMPARE(countType(second.value().events, QString::fromUtf16(AlertEventType::Resolved)), 0);
        open = AlertRepository(m_fixture.database()).openForField(m_fixture.tenantId(), kKey);
        QVERIFY(open.ok());
        QCOMPARE(open.value().size(), 1);
    }

private:
    ProfilerFixture m_fixture;
};

QTEST_GUILESS_MAIN(AlertExecutionTest)
#include "tst_alertexecution.moc"
