#include "ReportFixture.h"

#include "demo/Backdating.h"
#include "model/ChangeRequest.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/Migrator.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace steward::testing {
namespace {

const QString kArchitect = u"ana.architect"_s; // kernel_architect
const QString kSteward = u"sam.steward"_s;     // metadata_steward and data_owner
const QString kOwner = u"otto.owner"_s;        // data_owner
const QString kOther = u"zoë.steward"_s;       // metadata_steward (no login: the service acts for her)
const QString kViewer = u"vera.viewer"_s;      // viewer, who reads the reports

QJsonObject field(const QString &key, const QString &label, const QString &description)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"label"_s, label},
        {u"description"_s, description},
        {u"domain"_s, u"Sales"_s},
        {u"module"_s, u"SD"_s},
        {u"entityUrn"_s, u"urn:test:warehouse.orders.amount"_s},
        {u"tier"_s, u"tier1"_s},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"ownerId"_s, kOwner},
        {u"stewardId"_s, kSteward},
        {u"status"_s, u"active"_s},
        {u"binding"_s,
         QJsonObject{{u"source"_s, u"warehouse"_s}, {u"table"_s, u"orders"_s}, {u"column"_s, u"amount"_s}}},
    };
}

ChangeRequest changeRequest(EntityType type, const QString &key, Tier tier, const QJsonObject &payload,
                            const QUuid &entityId = {})
{
    ChangeRequest request;
    request.entityType = type;
    request.entityId = entityId;
    request.entityKey = key;
    request.tier = tier;
    request.lane = tier == Tier::Tier1 ? Lane::Kernel : Lane::Governed;
    request.requiredRole = tier == Tier::Tier1 ? Role::KernelArchitect : Role::MetadataSteward;
    request.payload = json::fromQJsonValue(payload);
    return request;
}

// A decided request's time as toIsoTimestamp() spells it, whichever engine stored it.
QString timestampText(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.metaType().id() == QMetaType::QDateTime)
        return toIsoTimestamp(value.toDateTime());
    return value.toString();
}

} // namespace

ReportFixture::ReportFixture() = default;
ReportFixture::~ReportFixture() = default;

QUuid ReportFixture::tenantId()
{
    return QUuid(u"3c0d7a52-1b2e-4f6a-8d9c-0e1f2a3b4c5d"_s);
}
QString ReportFixture::tenantName()
{
    return u"Nordwind Güter, \"Süd\" AG"_s;
}
report::ReportPeriod ReportFixture::period()
{
    return report::ReportPeriod{QDate(2025, 3, 2), QDate(2025, 3, 4)};
}
QString ReportFixture::trickyLabel()
{
    return u"Net amount, after \"discounts\"\nsecond line — Zürich 東京"_s;
}
QString ReportFixture::trickyReason()
{
    return u"Duplicate of \"kpi.revenue\", see ticket #12,\nzweite Zeile: Größe ä"_s;
}
QString ReportFixture::reader()
{
    return kViewer;
}

QString ReportFixture::databaseFor(const QString &login) const
{
    return isTeamDatabase() ? m_copy.as(login).toString() : m_database->url().toString();
}

Status ReportFixture::setUp()
{
    if (!m_dir.isValid())
        return Error::make(ErrorCode::Unavailable, u"no temporary folder"_s);
    DatabaseUrl url = DatabaseUrl::sqlite(m_dir.filePath(u"report.db"_s));
    if (const auto team = postgresUnderTest()) {
        if (auto failed = m_copy.create(*team))
            return failed;
        url = m_copy.url(); // the service login, which may act for each of the tenant's users
        auto owner = Database::open(m_copy.as(TeamDatabaseCopy::OwnerLogin));
        if (!owner)
            return owner.error();
        m_owner = std::move(owner.value());
    }
    auto opened = Database::open(url);
    if (!opened)
        return opened.error();
    m_database = std::move(opened.value());
    if (auto failed = Migrator(*m_database).upgrade())
        return failed;
    DirectoryRepository directory(fixture());
    if (auto failed = directory.addTenant(Tenant{tenantId(), tenantName()}))
        return failed;
    const QList<std::pair<QString, QList<Role>>> users{{kArchitect, {Role::KernelArchitect}},
                                                       {kSteward, {Role::MetadataSteward, Role::DataOwner}},
                                                       {kOwner, {Role::DataOwner}},
                                                       {kOther, {Role::MetadataSteward}},
                                                       {kViewer, {Role::Viewer}}};
    for (const auto &[user, roles] : users) {
        for (const Role role : roles) {
            if (auto failed = directory.grant(tenantId(), user, role, user))
                return failed;
        }
    }
    m_service = std::make_unique<ApprovalService>(*m_database, m_bus, [this] {
        m_now = m_now.addSecs(1);
        return m_now;
    });
    if (auto failed = decideAll())
        return failed;
    return m_database->signIn(tenantId(), reader());
}

Status ReportFixture::decideAll()
{
    const auto at = [this](int day, int hour, int minute) {
        m_now = QDateTime(QDate(2025, 3, day), QTime(hour, minute), Qt::UTC);
    };
    const auto as = [](const QString &user) { return Actor{tenantId(), user}; };
    // The decision as the database keeps it, at the fixture's clock.
    const auto dated = [&](const Result<Approval> &done) -> Status {
        if (!done)
            return done.error();
        return demo::backdateDecision(fixture(), done.value(), m_now);
    };
    const auto approve = [&](const QString &user, const QUuid &id, const QString &reason = {}) -> Status {
        return dated(m_service->approve(as(user), id, reason));
    };

    // 2025-03-01, before the period: the field is created.
    at(1, 9, 0);
    auto created = m_service->submit(
        as(kOwner), changeRequest(EntityType::GlobalMetadata, u"sales.order.amount"_s, Tier::Tier1,
                                  field(u"sales.order.amount"_s, u"Order amount"_s, u"Gross amount of an order."_s)));
    if (!created)
        return created.error();
    at(1, 15, 30);
    if (auto failed = approve(kArchitect, created.value().id, u"Initial onboarding"_s))
        return failed;
    auto entity =
        EntityRepository(*m_database).findByKey(tenantId(), EntityType::GlobalMetadata, u"sales.order.amount"_s);
    if (!entity || !entity.value())
        return Error::make(ErrorCode::NotFound, u"the field was not created"_s);
    const QUuid fieldId = entity.value()->id;

    // 2025-03-02: the field is renamed with a label full of CSV traps, approved.
    at(2, 8, 0);
    auto renamed = m_service->submit(
        as(kOwner), changeRequest(EntityType::GlobalMetadata, u"sales.order.amount"_s, Tier::Tier1,
                                  QJsonObject{{u"label"_s, trickyLabel()},
                                              {u"description"_s, u"Betrag, netto; \"inkl.\" Rabatte — ünïcødé ✓"_s}},
                                  fieldId));
    if (!renamed)
        return renamed.error();
    at(2, 17, 45);
    if (auto failed = approve(kArchitect, renamed.value().id, u"Checked with finance, \"OK\" by Jörg\nline two"_s))
        return failed;

    // 2025-03-02: a KPI, rejected with a tricky reason.
    at(2, 10, 0);
    auto kpi =
        m_service->submit(as(kOwner), changeRequest(EntityType::Kpi, u"kpi.revenue_net"_s, Tier::Tier2,
                                                    QJsonObject{{u"canonicalKey"_s, u"kpi.revenue_net"_s},
                                                                {u"label"_s, u"Revenue, net"_s},
                                                                {u"formula"_s, u"SUM(amount) - SUM(\"discount\")"_s},
                                                                {u"dependsOn"_s, QJsonArray{u"sales.order.amount"_s}},
                                                                {u"tier"_s, u"tier2"_s},
                                                                {u"status"_s, u"active"_s}}));
    if (!kpi)
        return kpi.error();
    at(3, 11, 5);
    if (auto failed = dated(m_service->reject(as(kSteward), kpi.value().id, trickyReason())))
        return failed;

    // 2025-03-03: a glossary term, withdrawn by its requester.
    at(3, 9, 0);
    auto term =
        m_service->submit(as(kOwner), changeRequest(EntityType::Glossary, u"glossary.order"_s, Tier::Tier3,
                                                    QJsonObject{{u"canonicalKey"_s, u"glossary.order"_s},
                                                                {u"term"_s, u"Order, sales"_s},
                                                                {u"definition"_s, u"A binding request\nto buy."_s},
                                                                {u"synonyms"_s, QJsonArray{u"Auftrag"_s}},
                                                                {u"status"_s, u"active"_s}}));
    if (!term)
        return term.error();
    at(3, 9, 30);
    if (auto failed = dated(m_service->cancel(as(kOwner), term.value().id)))
        return failed;

    // 2025-03-03 and -04: a business rule approved, a second glossary term approved, and
    // another created and approved late on the last day of the period.
    at(3, 12, 0);
    auto rule =
        m_service->submit(as(kOwner), changeRequest(EntityType::BusinessRule, u"rule.amount_positive"_s, Tier::Tier2,
                                                    QJsonObject{{u"canonicalKey"_s, u"rule.amount_positive"_s},
                                                                {u"label"_s, u"Amount ≥ 0"_s},
                                                                {u"appliesTo"_s, u"sales.order.amount"_s},
                                                                {u"ruleType"_s, u"range"_s},
                                                                {u"definition"_s, QJsonObject{{u"min"_s, 0}}},
                                                                {u"severity"_s, u"error"_s},
                                                                {u"status"_s, u"active"_s}}));
    if (!rule)
        return rule.error();
    at(3, 16, 0);
    if (auto failed = approve(kOther, rule.value().id))
        return failed;
    for (int i = 0; i < 4; ++i) {
        at(4, 8 + i, 0);
        const QString key = u"glossary.term_%1"_s.arg(i);
        auto submitted =
            m_service->submit(as(kOwner), changeRequest(EntityType::Glossary, key, Tier::Tier3,
                                                        QJsonObject{{u"canonicalKey"_s, key},
                                                                    {u"term"_s, u"Begriff %1, ß"_s.arg(i)},
                                                                    {u"definition"_s, u"Definition %1"_s.arg(i)},
                                                                    {u"status"_s, u"active"_s}}));
        if (!submitted)
            return submitted.error();
        at(4, 20 + i, 59);
        if (auto failed = approve(i % 2 ? kSteward : kOther, submitted.value().id))
            return failed;
    }

    // 2025-03-05, after the period: one more decision; and one request left pending.
    at(5, 9, 0);
    auto later = m_service->submit(as(kOwner), changeRequest(EntityType::Glossary, u"glossary.later"_s, Tier::Tier3,
                                                             QJsonObject{{u"canonicalKey"_s, u"glossary.later"_s},
                                                                         {u"term"_s, u"Later"_s},
                                                                         {u"definition"_s, u"After the period."_s},
                                                                         {u"status"_s, u"active"_s}}));
    if (!later)
        return later.error();
    at(5, 10, 0);
    if (auto failed = approve(kSteward, later.value().id))
        return failed;
    at(5, 11, 0);
    auto pending = m_service->submit(as(kOwner), changeRequest(EntityType::Glossary, u"glossary.pending"_s, Tier::Tier3,
                                                               QJsonObject{{u"canonicalKey"_s, u"glossary.pending"_s},
                                                                           {u"term"_s, u"Pending"_s},
                                                                           {u"definition"_s, u"Never decided."_s},
                                                                           {u"status"_s, u"active"_s}}));
    return pending ? Status() : Status(pending.error());
}

Result<QList<StoredDecision>> ReportFixture::decisions(const report::ReportPeriod &period) const
{
    const QString from = period.from.toString(Qt::ISODate) + u"T00:00:00.000Z"_s;
    const QString to = period.to.addDays(1).toString(Qt::ISODate) + u"T00:00:00.000Z"_s;
    auto query = fixture().run(
        u"SELECT a.id, a.entity_type, a.entity_key, a.status, a.requested_by, a.requested_at, a.decided_by, "
        u"a.decided_at, a.decision_reason, (SELECT e.actor_role FROM mdm_event e WHERE e.correlation_id = a.id "
        u"AND e.type = 'approval.' || a.status) FROM mdm_approval a WHERE a.tenant_id = ? AND a.status <> 'pending' "
        u"AND a.decided_at >= ? AND a.decided_at < ? ORDER BY a.decided_at, a.id"_s,
        {uuidText(tenantId()), from, to});
    if (!query)
        return query.error();
    QList<StoredDecision> rows;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        rows.append(StoredDecision{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toString(), q.value(4).toString(), timestampText(q.value(5)),
                                   q.value(6).toString(), timestampText(q.value(7)), q.value(8).toString(),
                                   q.value(9).toString()});
    }
    return rows;
}

report::ReportRequest ReportFixture::request(report::ReportFormat format, const report::ReportPeriod &period) const
{
    report::ReportRequest request;
    request.kind = report::ReportKind::Approvals;
    request.format = format;
    request.tenantId = tenantId();
    request.period = period;
    request.generatedBy = u"auditor.ädä"_s;
    request.generatedAt = QDateTime(QDate(2025, 3, 10), QTime(8, 30), Qt::UTC);
    return request;
}

QList<QStringList> parseCsv(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

} // namespace steward::testing
