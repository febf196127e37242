// The events of SPEC section 4: which, in what order, with what envelope, and only after
// the change they report has been committed.

#include "TestDatabase.h"
#include "store/ApprovalRepository.h"
#include "store/EventRepository.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

class ApprovalEventsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void globalMetadataUpdate();
    void globalMetadataProfileDueOnlyForCriticalTiers_data();
    void globalMetadataProfileDueOnlyForCriticalTiers();
    void kpi();
    void businessRule();
    void glossary();
    void requestRejectAndCancelEvents();
    void deliveredOnlyAfterCommit();

private:
    // Approves `approvalId` as `decider` and returns the events it produced: the bus's
    // copies, after checking they are exactly the stored ones in seq order.
    QList<Event> approveAndCollect(const QString &decider, const QUuid &approvalId);
    void checkEnvelope(const QList<Event> &events, const QUuid &approvalId, const QString &actorId,
                       const QString &actorRole);

    static QStringList typesOf(const QList<Event> &events)
    {
        QStringList types;
        for (const Event &event : events)
            types.append(event.type);
        return types;
    }

    std::unique_ptr<TestDatabase> m_db;
};

void ApprovalEventsTest::init()
{
    m_db = std::make_unique<TestDatabase>();
    STEWARD_VERIFY_OK(m_db->setUp());
}

void ApprovalEventsTest::cleanup()
{
    m_db.reset();
}

QList<Event> ApprovalEventsTest::approveAndCollect(const QString &decider, const QUuid &approvalId)
{
    EventRepository repository(m_db->database());
    const auto before = repository.list(m_db->tenantId(), EventQuery{{}, 0, 1, true});
    if (!before) {
        QTest::qFail(qPrintable(before.error().text()), __FILE__, __LINE__);
        return {};
    }
    const qint64 lastSeq = before.value().isEmpty() ? 0 : before.value().constFirst().seq;

    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);
    const auto approved = m_db->service().approve(m_db->as(decider), approvalId);
    if (!approved) {
        QTest::qFail(qPrintable(approved.error().text()), __FILE__, __LINE__);
        return {};
    }

    QList<Event> onBus;
    for (const QList<QVariant> &arguments : std::as_const(published))
        onBus.append(arguments.constFirst().value<Event>());

    const auto stored = repository.list(m_db->tenantId(), EventQuery{{}, lastSeq, 1000, false});
    if (!stored) {
        QTest::qFail(qPrintable(stored.error().text()), __FILE__, __LINE__);
        return {};
    }
    // The audit trail and the bus tell the same story, in the same order.
    [&] {
        QCOMPARE(typesOf(onBus), typesOf(stored.value()));
        for (qsizetype i = 0; i < onBus.size(); ++i) {
            const Event &bus = onBus.at(i);
            const Event &row = stored.value().at(i);
            QCOMPARE(bus.id, row.id);
            QCOMPARE(bus.seq, row.seq);
            QCOMPARE(bus.payload, row.payload);
            QCOMPARE(bus.actorId, row.actorId);
            QCOMPARE(bus.actorRole, row.actorRole);
            QCOMPARE(bus.correlationId, row.correlationId);
            QCOMPARE(toIsoTimestamp(bus.occurredAt), toIsoTimestamp(row.occurredAt));
            if (i > 0)
                QVERIFY(row.seq > stored.value().at(i - 1).seq);
        }
    }();
    return onBus;
}

void ApprovalEventsTest::checkEnvelope(const QList<Event> &events, const QUuid &approvalId, const QString &actorId,
                                       const QString &actorRole)
{
    for (const Event &event : events) {
        QVERIFY(!event.id.isNull());
        QCOMPARE(event.version, 1);
        QCOMPARE(event.tenantId, m_db->tenantId());
        QCOMPARE(event.actorId, actorId);
        QCOMPARE(event.actorRole, actorRole);
        QCOMPARE(event.correlationId, approvalId);
        QVERIFY(event.occurredAt.isValid());

        const QJsonObject json = event.toJson();
        for (const QString &key : {u"id"_s, u"type"_s, u"version"_s, u"tenantId"_s, u"occurredAt"_s, u"actor"_s,
                                   u"correlationId"_s, u"payload"_s})
            QVERIFY2(json.contains(key), qPrintable(key));
        QCOMPARE(json.value(u"actor"_s).toObject().value(u"actorId"_s).toString(), actorId);
        QCOMPARE(json.value(u"actor"_s).toObject().value(u"role"_s).toString(), actorRole);
        QCOMPARE(json.value(u"correlationId"_s).toString(), uuidText(approvalId));
    }
}

void ApprovalEventsTest::globalMetadataUpdate()
{
    const auto field = m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier1,
                                       fieldPayload(u"orders.amount"_s, Tier::Tier1));
    STEWARD_VERIFY_OK(field);
    const auto submitted = m_db->service().submit(
        m_db->as(Users::Owner),
        updateRequest(EntityType::GlobalMetadata, field.value(), Tier::Tier1, {{u"label"_s, u"Order gross amount"_s}}));
    STEWARD_VERIFY_OK(submitted);
    const QUuid approvalId = submitted.value().id;

    const QList<Event> events = approveAndCollect(Users::Architect, approvalId);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(typesOf(events), (QStringList{u"metadata.approved"_s, u"metadata.changed"_s, u"metadata.profile.due"_s,
                                           u"approval.approved"_s}));
    checkEnvelope(events, approvalId, Users::Architect, u"kernel_architect"_s);
    if (QTest::currentTestFailed())
        return;

    const QString entityId = uuidText(field.value().id);
    const QJsonObject approved = events.at(0).payload;
    QCOMPARE(approved.value(u"approvalId"_s).toString(), uuidText(approvalId));
    QCOMPARE(approved.value(u"entityId"_s).toString(), entityId);
    QCOMPARE(approved.value(u"canonicalKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(approved.value(u"tier"_s).toString(), u"tier1"_s);
    QCOMPARE(approved.value(u"approvedBy"_s).toString(), Users::Architect);

    const QJsonObject changed = events.at(1).payload;
    QCOMPARE(changed.value(u"changeType"_s).toString(), u"APPROVAL"_s);
    QCOMPARE(changed.value(u"entityId"_s).toString(), entityId);
    QCOMPARE(changed.value(u"canonicalKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(changed.value(u"tier"_s).toString(), u"tier1"_s);
    QCOMPARE(changed.value(u"before"_s).toObject().value(u"label"_s).toString(), u"Order amount"_s);
    QCOMPARE(changed.value(u"after"_s).toObject().value(u"label"_s).toString(), u"Order gross amount"_s);
    // Fields the update did not mention are kept, and shown as kept.
    QCOMPARE(changed.value(u"after"_s).toObject().value(u"format"_s).toString(), u"18,2"_s);

    const QJsonObject due = events.at(2).payload;
    QCOMPARE(due.value(u"canonicalKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(due.value(u"entityUrn"_s).toString(), u"urn:test:warehouse.orders.amount"_s);
    QCOMPARE(due.value(u"tier"_s).toString(), u"tier1"_s);
    QCOMPARE(due.value(u"priority"_s).toString(), u"high"_s);
    QCOMPARE(due.value(u"reason"_s).toString(), u"STRUCTURAL_CHANGE"_s);

    const QJsonObject done = events.at(3).payload;
    QCOMPARE(done.value(u"approvalId"_s).toString(), uuidText(approvalId));
    QCOMPARE(done.value(u"entityType"_s).toString(), u"GLOBAL_METADATA"_s);
    QCOMPARE(done.value(u"entityKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(done.value(u"approvedBy"_s).toString(), Users::Architect);
}

void ApprovalEventsTest::globalMetadataProfileDueOnlyForCriticalTiers_data()
{
    QTest::addColumn<Tier>("tier");
    QTest::addColumn<QStringList>("types");
    const QStringList critical{u"metadata.approved"_s, u"metadata.changed"_s, u"metadata.profile.due"_s,
                               u"approval.approved"_s};
    const QStringList other{u"metadata.approved"_s, u"metadata.changed"_s, u"approval.approved"_s};
    QTest::newRow("tier1") << Tier::Tier1 << critical;
    QTest::newRow("tier2") << Tier::Tier2 << critical;
    QTest::newRow("tier3") << Tier::Tier3 << other;
    QTest::newRow("tier4") << Tier::Tier4 << other;
    QTest::newRow("tier5") << Tier::Tier5 << other;
}

void ApprovalEventsTest::globalMetadataProfileDueOnlyForCriticalTiers()
{
    QFETCH(Tier, tier);
    QFETCH(QStringList, types);
    const auto submitted =
        m_db->service().submit(m_db->as(Users::Owner), createRequest(EntityType::GlobalMetadata, u"orders.amount"_s,
                                                                     tier, fieldPayload(u"orders.amount"_s, tier)));
    STEWARD_VERIFY_OK(submitted);
    const QString decider = tier == Tier::Tier1 ? Users::Architect : Users::Steward;

    const QList<Event> events = approveAndCollect(decider, submitted.value().id);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(typesOf(events), types);
    checkEnvelope(events, submitted.value().id, decider, toString(submitted.value().requiredRole));
    // A create has no before.
    QVERIFY(events.at(1).payload.value(u"before"_s).isNull());
    QCOMPARE(events.at(1).payload.value(u"after"_s).toObject().value(u"tier"_s).toString(), toString(tier));
}

void ApprovalEventsTest::kpi()
{
    const auto created =
        m_db->establish(EntityType::Kpi, u"kpi.aov"_s, Tier::Tier2, kpiPayload(u"kpi.aov"_s, Tier::Tier2));
    STEWARD_VERIFY_OK(created);
    const auto submitted = m_db->service().submit(
        m_db->as(Users::Owner), updateRequest(EntityType::Kpi, created.value(), Tier::Tier2,
                                              {{u"formula"_s, u"SUM(orders.amount) / COUNT(DISTINCT orders)"_s}}));
    STEWARD_VERIFY_OK(submitted);

    const QList<Event> events = approveAndCollect(Users::Steward, submitted.value().id);
    if (QTest::currentTestFailed())
        return;
    // A tier2 KPI is not a field: no profile is due.
    QCOMPARE(typesOf(events), (QStringList{u"kpi.approved"_s, u"kpi.changed"_s, u"approval.approved"_s}));
    checkEnvelope(events, submitted.value().id, Users::Steward, u"metadata_steward"_s);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(events.at(0).payload.value(u"canonicalKey"_s).toString(), u"kpi.aov"_s);
    QCOMPARE(events.at(0).payload.value(u"approvedBy"_s).toString(), Users::Steward);
    const QJsonObject changed = events.at(1).payload;
    QCOMPARE(changed.value(u"changeType"_s).toString(), u"APPROVAL"_s);
    QCOMPARE(changed.value(u"before"_s).toObject().value(u"formula"_s).toString(),
             u"SUM(orders.amount) / COUNT(orders)"_s);
    QCOMPARE(changed.value(u"after"_s).toObject().value(u"formula"_s).toString(),
             u"SUM(orders.amount) / COUNT(DISTINCT orders)"_s);
    QCOMPARE(events.at(2).payload.value(u"entityType"_s).toString(), u"KPI"_s);
}

void ApprovalEventsTest::businessRule()
{
    // A tier4 field: the rule's profile is due whatever the field's tier.
    STEWARD_VERIFY_OK(m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier4,
                                      fieldPayload(u"orders.amount"_s, Tier::Tier4)));
    const auto submitted = m_db->service().submit(
        m_db->as(Users::Owner), createRequest(EntityType::BusinessRule, u"rule.orders.amount_positive"_s, Tier::Tier2,
                                              rulePayload(u"rule.orders.amount_positive"_s, u"orders.amount"_s)));
    STEWARD_VERIFY_OK(submitted);

    const QList<Event> events = approveAndCollect(Users::Steward, submitted.value().id);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(typesOf(events),
             (QStringList{u"business_rule.changed"_s, u"metadata.profile.due"_s, u"approval.approved"_s}));
    checkEnvelope(events, submitted.value().id, Users::Steward, u"metadata_steward"_s);
    if (QTest::currentTestFailed())
        return;

    const QJsonObject changed = events.at(0).payload;
    QCOMPARE(changed.value(u"canonicalKey"_s).toString(), u"rule.orders.amount_positive"_s);
    QCOMPARE(changed.value(u"appliesTo"_s).toString(), u"orders.amount"_s);
    QVERIFY(changed.value(u"before"_s).isNull());
    QCOMPARE(changed.value(u"after"_s).toObject().value(u"ruleType"_s).toString(), u"range"_s);

    const QJsonObject due = events.at(1).payload;
    QCOMPARE(due.value(u"canonicalKey"_s).toString(), u"orders.amount"_s);
    QCOMPARE(due.value(u"entityUrn"_s).toString(), u"urn:test:warehouse.orders.amount"_s);
    QCOMPARE(due.value(u"tier"_s).toString(), u"tier4"_s);
    QCOMPARE(due.value(u"reason"_s).toString(), u"RULE_CHANGE"_s);
    QCOMPARE(due.value(u"priority"_s).toString(), u"high"_s);

    QCOMPARE(events.at(2).payload.value(u"entityType"_s).toString(), u"BUSINESS_RULE"_s);
    QCOMPARE(events.at(2).payload.value(u"entityKey"_s).toString(), u"rule.orders.amount_positive"_s);
}

void ApprovalEventsTest::glossary()
{
    const auto submitted =
        m_db->service().submit(m_db->as(Users::Owner), createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3,
                                                                     glossaryPayload(u"term.order"_s)));
    STEWARD_VERIFY_OK(submitted);

    const QList<Event> events = approveAndCollect(Users::Steward, submitted.value().id);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(typesOf(events), (QStringList{u"glossary.term.updated"_s, u"approval.approved"_s}));
    checkEnvelope(events, submitted.value().id, Users::Steward, u"metadata_steward"_s);
    QCOMPARE(events.at(0).payload.value(u"canonicalKey"_s).toString(), u"term.order"_s);
    QCOMPARE(events.at(0).payload.value(u"term"_s).toString(), u"Order"_s);
    QCOMPARE(events.at(1).payload.value(u"entityType"_s).toString(), u"GLOSSARY"_s);
}

void ApprovalEventsTest::requestRejectAndCancelEvents()
{
    QSignalSpy published(&m_db->bus(), &EventBus::eventPublished);
    const ChangeRequest request =
        createRequest(EntityType::Glossary, u"term.order"_s, Tier::Tier3, glossaryPayload(u"term.order"_s));
    const auto rejected = m_db->service().submit(m_db->as(Users::Owner), request);
    const auto cancelled = m_db->service().submit(m_db->as(Users::Owner), request);
    STEWARD_VERIFY_OK(rejected);
    STEWARD_VERIFY_OK(cancelled);
    STEWARD_VERIFY_OK(m_db->service().reject(m_db->as(Users::Steward), rejected.value().id, u"Too vague."_s));
    STEWARD_VERIFY_OK(m_db->service().cancel(m_db->as(Users::Owner), cancelled.value().id));

    QList<Event> onBus;
    for (const QList<QVariant> &arguments : std::as_const(published))
        onBus.append(arguments.constFirst().value<Event>());
    QCOMPARE(typesOf(onBus), (QStringList{u"approval.requested"_s, u"approval.requested"_s, u"approval.rejected"_s,
                                          u"approval.cancelled"_s}));
    const auto stored = EventRepository(m_db->database()).list(m_db->tenantId(), EventQuery{});
    STEWARD_VERIFY_OK(stored);
    QCOMPARE(typesOf(stored.value()), typesOf(onBus));

    // The requester acts in their most senior role.
    QCOMPARE(onBus.at(0).actorId, Users::Owner);
    QCOMPARE(onBus.at(0).actorRole, u"data_owner"_s);
    QCOMPARE(onBus.at(0).correlationId, rejected.value().id);
    QCOMPARE(onBus.at(0).payload.value(u"requestedBy"_s).toString(), Users::Owner);
    QCOMPARE(onBus.at(2).payload.value(u"reason"_s).toString(), u"Too vague."_s);
    QCOMPARE(onBus.at(2).correlationId, rejected.value().id);
    QCOMPARE(onBus.at(2).actorId, Users::Steward);
    QCOMPARE(onBus.at(3).correlationId, cancelled.value().id);
    QCOMPARE(onBus.at(3).actorId, Users::Owner);
}

void ApprovalEventsTest::deliveredOnlyAfterCommit()
{
    STEWARD_VERIFY_OK(m_db->establish(EntityType::GlobalMetadata, u"orders.amount"_s, Tier::Tier2,
                                      fieldPayload(u"orders.amount"_s, Tier::Tier2)));
    const auto submitted = m_db->service().submit(
        m_db->as(Users::Owner), createRequest(EntityType::BusinessRule, u"rule.orders.amount_positive"_s, Tier::Tier2,
                                              rulePayload(u"rule.orders.amount_positive"_s, u"orders.amount"_s)));
    STEWARD_VERIFY_OK(submitted);
    const QString approvalId = uuidText(submitted.value().id);

    // What a subscriber in another process would see when each event arrives.
    QStringList seen;
    QObject receiver;
    QObject::connect(&m_db->bus(), &EventBus::eventPublished, &receiver, [&](const Event &event) {
        auto second = m_db->openConnection();
        if (!second) {
            seen.append(u"cannot open: "_s + second.error().text());
            return;
        }
        Database &other = *second.value();
        auto status = other.run(u"SELECT status FROM mdm_approval WHERE id = ?"_s, {approvalId});
        auto rules = other.run(u"SELECT COUNT(*) FROM mdm_business_rule WHERE canonical_key = ?"_s,
                               {u"rule.orders.amount_positive"_s});
        auto stored = other.run(u"SELECT COUNT(*) FROM mdm_event WHERE id = ?"_s, {uuidText(event.id)});
        if (!status || !rules || !stored || !status.value().next() || !rules.value().next() || !stored.value().next()) {
            seen.append(u"cannot read"_s);
            return;
        }
        seen.append(u"%1 %2 rules=%3 stored=%4"_s.arg(event.type, status.value().value(0).toString())
                        .arg(rules.value().value(0).toInt())
                        .arg(stored.value().value(0).toInt()));
    });

    STEWARD_VERIFY_OK(m_db->service().approve(m_db->as(Users::Steward), submitted.value().id));
    QCOMPARE(seen, (QStringList{u"business_rule.changed approved rules=1 stored=1"_s,
                                u"metadata.profile.due approved rules=1 stored=1"_s,
                                u"approval.approved approved rules=1 stored=1"_s}));
}

QTEST_GUILESS_MAIN(ApprovalEventsTest)
#include "tst_approvalevents.moc"
