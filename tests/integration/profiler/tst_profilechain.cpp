// The whole chain of issue 4 in-process: approving a tier1 field publishes
// metadata.profile.due, the scheduler turns it into a job, the worker thread measures
// the column and saves an mdm_profile row with numbers known by construction, and
// metadata.profile.completed reaches the bus; a second approval within half a day is
// skipped by the cost guard; approving a business rule re-profiles its field.

#include "ProfilerFixture.h"
#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "model/ChangeRequest.h"
#include "profiler/ProfileExecution.h"
#include "profiler/ProfileRepository.h"
#include "profiler/ProfileScheduler.h"
#include "profiler/ProfilerService.h"
#include "store/EntityRepository.h"
#include "store/EventRepository.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::profiler;
using steward::testing::ExpectedCounts;
using steward::testing::ProfilerFixture;

namespace {

constexpr qint64 kRows = 1000;
constexpr int kTimeoutMs = 20000;

// ledger.quantity: NULL every 10th row, the text 'n/a' on rows 7, 57, 107, ... (not an
// INTEGER), otherwise row % 300.
QVariant quantity(qint64 row)
{
    if (row % 10 == 0)
        return {};
    if (row % 50 == 7)
        return u"n/a"_s;
    return row % 300;
}

// ledger.currency: NULL every 20th row, 'XXX' on rows 3, 28, 53, ... (outside the enum
// rule), otherwise EUR, USD or GBP.
QVariant currency(qint64 row)
{
    if (row % 20 == 0)
        return {};
    if (row % 25 == 3)
        return u"XXX"_s;
    static const QStringList codes{u"EUR"_s, u"USD"_s, u"GBP"_s};
    return codes.at(int(row % 3));
}

ExpectedCounts expectedQuantity()
{
    ExpectedCounts counts;
    QSet<QString> distinct;
    for (qint64 row = 1; row <= kRows; ++row) {
        ++counts.rows;
        const QVariant value = quantity(row);
        if (!value.isValid())
            continue;
        ++counts.nonNull;
        distinct.insert(value.toString());
        if (value.typeId() != QMetaType::QString)
            ++counts.valid;
    }
    counts.distinct = distinct.size();
    return counts;
}

ExpectedCounts expectedCurrency()
{
    ExpectedCounts counts;
    QSet<QString> distinct;
    for (qint64 row = 1; row <= kRows; ++row) {
        ++counts.rows;
        const QVariant value = currency(row);
        if (!value.isValid())
            continue;
        ++counts.nonNull;
        distinct.insert(value.toString());
        if (value.toString() != u"XXX"_s)
            ++counts.valid;
    }
    counts.distinct = distinct.size();
    return counts;
}

bool near(const std::optional<double> &actual, double expected)
{
    return actual && std::abs(*actual - expected) < 1e-6;
}

} // namespace

class ProfileChainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void approvingATier1FieldProfilesItAndASecondApprovalIsSkipped();
    void approvingABusinessRuleReprofilesItsField();
    void cleanupTestCase();

private:
    Approval submitAndApprove(const ChangeRequest &request);
    QList<Event> published(const QString &type, const QString &key) const;

    ProfilerFixture m_fixture;
    std::unique_ptr<EventBus> m_bus;
    std::unique_ptr<ApprovalService> m_approvals;
    std::unique_ptr<ProfilerService> m_profiler;
    std::unique_ptr<ProfileScheduler> m_scheduler;
    QList<Event> m_events; // everything published on the bus, in order
};

void ProfileChainTest::initTestCase()
{
    const Status ready = m_fixture.setUp();
    QVERIFY2(!ready, ready ? qPrintable(ready->text()) : "");
    const Status table =
        m_fixture.createTable(u"ledger"_s, {{u"quantity"_s, u"INTEGER"_s}, {u"currency"_s, u"TEXT"_s}}, kRows,
                              [](qint64 row, int column) { return column == 0 ? quantity(row) : currency(row); });
    QVERIFY2(!table, table ? qPrintable(table->text()) : "");

    m_bus = std::make_unique<EventBus>();
    connect(m_bus.get(), &EventBus::eventPublished, this, [this](const Event &event) { m_events.append(event); });
    m_approvals = std::make_unique<ApprovalService>(m_fixture.database(), *m_bus);
    m_profiler = std::make_unique<ProfilerService>(m_fixture.url(), *m_bus);
    m_scheduler = std::make_unique<ProfileScheduler>(*m_bus, *m_profiler, m_fixture.database());
}

void ProfileChainTest::cleanupTestCase()
{
    m_scheduler.reset();
    m_profiler.reset(); // quits and waits for the worker thread
    m_approvals.reset();
    m_bus.reset();
}

Approval ProfileChainTest::submitAndApprove(const ChangeRequest &request)
{
    const QUuid tenant = m_fixture.tenantId();
    auto submitted = m_approvals->submit(Actor{tenant, ProfilerFixture::requester()}, request);
    if (!submitted) {
        qWarning("submit failed: %s", qPrintable(submitted.error().text()));
        return {};
    }
    auto approved = m_approvals->approve(Actor{tenant, ProfilerFixture::approver()}, submitted.value().id);
    if (!approved) {
        qWarning("approve failed: %s", qPrintable(approved.error().text()));
        return {};
    }
    return approved.value();
}

QList<Event> ProfileChainTest::published(const QString &type, const QString &key) const
{
    QList<Event> matching;
    for (const Event &event : m_events) {
        if (event.type == type && event.payload.value(u"canonicalKey"_s).toString() == key)
            matching.append(event);
    }
    return matching;
}

void ProfileChainTest::approvingATier1FieldProfilesItAndASecondApprovalIsSkipped()
{
    const QString key = u"fin.ledger.quantity"_s;
    const QString completedType = QString::fromUtf16(ProfileEventType::Completed);
    const QString skippedType = QString::fromUtf16(ProfileEventType::Skipped);
    QSignalSpy finished(m_profiler.get(), &ProfilerService::jobFinished);

    ChangeRequest create;
    create.entityType = EntityType::GlobalMetadata;
    create.entityKey = key;
    create.tier = Tier::Tier1;
    create.lane = Lane::Kernel;
    create.requiredRole = Role::KernelArchitect;
    create.payload = json::fromQJsonValue(
        ProfilerFixture::fieldPayload(key, Tier::Tier1, u"ledger"_s, u"quantity"_s, u"INTEGER"_s));
    const Approval approval = submitAndApprove(create);
    QVERIFY(!approval.id.isNull());

    // The approval published metadata.profile.due; the job is queued for the worker
    // thread and this thread has not waited for it.
    QCOMPARE(published(QString::fromUtf16(EventType::MetadataProfileDue), key).size(), 1);
    const QList<ProfileJob> queued = m_profiler->jobs();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.constFirst().canonicalKey, key);
    QCOMPARE(toString(queued.constFirst().trigger), toString(Trigger::Approval));
    QVERIFY(queued.constFirst().highPriority);
    QVERIFY(!queued.constFirst().bypassCostGuard);

    QTRY_COMPARE_WITH_TIMEOUT(published(completedType, key).size(), 1, kTimeoutMs);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(m_profiler->jobs().isEmpty());

    // Bus order: the approval's due, then the profiler's started and completed.
    QStringList order;
    for (const Event &event : std::as_const(m_events)) {
        if (event.payload.value(u"canonicalKey"_s).toString() == key && event.type.startsWith(u"metadata.profile"_s))
            order.append(event.type);
    }
    QCOMPARE(order, (QStringList{u"metadata.profile.due"_s, u"metadata.profile.started"_s, completedType}));

    // The mdm_profile row, with the numbers the table was built to have.
    const ExpectedCounts expected = expectedQuantity();
    auto latest = ProfileRepository(m_fixture.database()).latest(m_fixture.tenantId(), key);
    QVERIFY2(latest, latest ? "" : qPrintable(latest.error().text()));
    QVERIFY(latest.value().has_value());
    const ProfileRun run = *latest.value();
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(toString(run.trigger), toString(Trigger::Approval));
    QCOMPARE(toString(run.tier), toString(Tier::Tier1));
    QCOMPARE(run.rowCount, kRows);
    QCOMPARE(run.sampledRows, kRows);
    QCOMPARE(run.metrics.rows, expected.rows);
    QCOMPARE(run.metrics.nonNull, expected.nonNull);
    QCOMPARE(run.metrics.distinct, expected.distinct);
    QVERIFY(run.metrics.distinctExact);
    QCOMPARE(run.metrics.valid, expected.valid);
    QVERIFY2(near(run.metrics.completeness, expected.completeness()),
             qPrintable(QString::number(run.metrics.completeness.value_or(-1))));
    QVERIFY(near(run.metrics.uniqueness, expected.uniqueness()));
    QVERIFY2(near(run.metrics.validity, expected.validity()),
             qPrintable(QString::number(run.metrics.validity.value_or(-1))));
    QVERIFY2(near(run.metrics.qualityScore, expected.scoreWithoutUniqueRule()),
             qPrintable(QString::number(run.metrics.qualityScore.value_or(-1))));
    QCOMPARE(run.metrics.qualityGrade, testing::gradeFor(expected.scoreWithoutUniqueRule()));

    // The completed event carries the same numbers, correlates with the profile row,
    // and names the profiler as its actor.
    const Event completed = published(completedType, key).constFirst();
    QCOMPARE(completed.correlationId, run.id);
    QCOMPARE(completed.actorId, u"profiler"_s);
    QCOMPARE(completed.actorRole, u"system"_s);
    QCOMPARE(completed.payload.value(u"profileId"_s).toString(), uuidText(run.id));
    QCOMPARE(completed.payload.value(u"tier"_s).toString(), u"tier1"_s);
    QCOMPARE(completed.payload.value(u"rowCount"_s).toInteger(), kRows);
    QCOMPARE(completed.payload.value(u"qualityGrade"_s).toString(), run.metrics.qualityGrade);
    QVERIFY(near(completed.payload.value(u"completeness"_s).toDouble(), *run.metrics.completeness));
    QVERIFY(near(completed.payload.value(u"validity"_s).toDouble(), *run.metrics.validity));
    QVERIFY(near(completed.payload.value(u"qualityScore"_s).toDouble(), *run.metrics.qualityScore));
    QVERIFY(completed.payload.contains(u"durationMs"_s));

    // The audit trail holds started and completed under the profile id.
    auto trail = EventRepository(m_fixture.database()).forCorrelation(m_fixture.tenantId(), run.id);
    QVERIFY(trail);
    QStringList stored;
    for (const Event &event : trail.value())
        stored.append(event.type);
    QCOMPARE(stored, (QStringList{u"metadata.profile.started"_s, completedType}));

    // A second approval of the field within half a day: due again, but skipped.
    auto live = EntityRepository(m_fixture.database()).findByKey(m_fixture.tenantId(), EntityType::GlobalMetadata, key);
    QVERIFY(live && live.value());
    ChangeRequest update = create;
    update.entityId = live.value()->id;
    update.payload = json::fromQJsonValue(QJsonObject{{u"label"_s, u"Quantity in units"_s}});
    QSignalSpy skipped(m_profiler.get(), &ProfilerService::jobSkipped);
    QVERIFY(!submitAndApprove(update).id.isNull());
    QCOMPARE(published(QString::fromUtf16(EventType::MetadataProfileDue), key).size(), 2);

    QTRY_COMPARE_WITH_TIMEOUT(published(skippedType, key).size(), 1, kTimeoutMs);
    const Event skip = published(skippedType, key).constFirst();
    QVERIFY2(skip.payload.value(u"reason"_s).toString().contains(u"12 hours"_s),
             qPrintable(skip.payload.value(u"reason"_s).toString()));
    QCOMPARE(skip.payload.value(u"lastCompletedAt"_s).toString(), toIsoTimestamp(run.createdAt));
    QTRY_COMPARE(skipped.size(), 1);
    QCOMPARE(published(completedType, key).size(), 1);
    auto recent = ProfileRepository(m_fixture.database()).recent(m_fixture.tenantId(), 10);
    QVERIFY(recent);
    QCOMPARE(recent.value().size(), 1); // no second mdm_profile row
}

void ProfileChainTest::approvingABusinessRuleReprofilesItsField()
{
    const QString key = u"fin.ledger.currency"_s;
    const QString completedType = QString::fromUtf16(ProfileEventType::Completed);

    // A tier3 field: its approval does not profile it.
    ChangeRequest field;
    field.entityType = EntityType::GlobalMetadata;
    field.entityKey = key;
    field.tier = Tier::Tier3;
    field.lane = Lane::Governed;
    field.requiredRole = Role::MetadataSteward;
    field.payload =
        json::fromQJsonValue(ProfilerFixture::fieldPayload(key, Tier::Tier3, u"ledger"_s, u"currency"_s, u"TEXT"_s));
    QVERIFY(!submitAndApprove(field).id.isNull());
    QVERIFY(published(QString::fromUtf16(EventType::MetadataProfileDue), key).isEmpty());
    QVERIFY(m_profiler->jobs().isEmpty());

    // A rule on it: approval publishes profile.due (RULE_CHANGE) and the field is profiled.
    ChangeRequest rule;
    rule.entityType = EntityType::BusinessRule;
    rule.entityKey = u"rule.ledger.currency_iso"_s;
    rule.tier = Tier::Tier3;
    rule.lane = Lane::Governed;
    rule.requiredRole = Role::MetadataSteward;
    rule.payload = json::fromQJsonValue(
        QJsonObject{{u"canonicalKey"_s, rule.entityKey},
                    {u"label"_s, u"Currency is one we book in"_s},
                    {u"appliesTo"_s, key},
                    {u"ruleType"_s, u"enum"_s},
                    {u"definition"_s, QJsonObject{{u"values"_s, QJsonArray{u"EUR"_s, u"USD"_s, u"GBP"_s}}}},
                    {u"severity"_s, u"error"_s},
                    {u"status"_s, u"active"_s}});
    QVERIFY(!submitAndApprove(rule).id.isNull());
    const QList<Event> due = published(QString::fromUtf16(EventType::MetadataProfileDue), key);
    QCOMPARE(due.size(), 1);
    QCOMPARE(due.constFirst().payload.value(u"reason"_s).toString(), u"RULE_CHANGE"_s);

    QTRY_COMPARE_WITH_TIMEOUT(published(completedType, key).size(), 1, kTimeoutMs);
    auto latest = ProfileRepository(m_fixture.database()).latest(m_fixture.tenantId(), key);
    QVERIFY(latest && latest.value());
    const ProfileRun run = *latest.value();
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(toString(run.trigger), toString(Trigger::RuleChange));
    QCOMPARE(toString(run.tier), toString(Tier::Tier3));

    const ExpectedCounts expected = expectedCurrency();
    QCOMPARE(run.metrics.nonNull, expected.nonNull);
    QCOMPARE(run.metrics.distinct, expected.distinct);
    QCOMPARE(run.metrics.valid, expected.valid);
    QVERIFY(near(run.metrics.validity, expected.validity()));
    QVERIFY(near(run.metrics.qualityScore, expected.scoreWithoutUniqueRule()));
    QCOMPARE(run.metrics.rules.size(), 1);
    QCOMPARE(run.metrics.rules.constFirst().ruleKey, rule.entityKey);
    QCOMPARE(run.metrics.rules.constFirst().violations, expected.nonNull - expected.valid);
    QCOMPARE(published(completedType, key).constFirst().payload.value(u"trigger"_s).toString(), u"rule_change"_s);
}

QTEST_GUILESS_MAIN(ProfileChainTest)
#include "tst_profilechain.moc"
