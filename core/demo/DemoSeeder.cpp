#include "demo/DemoSeeder.h"

#include "approval/ApprovalService.h"
#include "demo/Backdating.h"
#include "demo/DemoCatalog.h"
#include "demo/ProfileHistorySeeder.h"
#include "demo/WarehouseSeeder.h"
#include "events/EventBus.h"
#include "json/JsonParser.h"
#include "model/EntitySchema.h"
#include "store/DataSourceRepository.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

Lane laneFor(Tier tier)
{
    if (tier == Tier::Tier1)
        return Lane::Kernel;
    if (tier == Tier::Tier2 || tier == Tier::Tier3)
        return Lane::Governed;
    return Lane::Draft;
}

Role roleFor(Lane lane)
{
    switch (lane) {
    case Lane::Kernel: return Role::KernelArchitect;
    case Lane::Governed: return Role::MetadataSteward;
    case Lane::Draft: return Role::DataOwner;
    }
    return Role::MetadataSteward;
}

QJsonObject fieldPayload(const demo::DemoField &field)
{
    QJsonObject payload{
        {u"canonicalKey"_s, field.key},
        {u"label"_s, field.label},
        {u"description"_s, field.description},
        {u"domain"_s, field.domain},
        {u"module"_s, field.module},
        {u"entityUrn"_s, u"urn:steward:warehouse:finance.%1.%2"_s.arg(field.table, field.column)},
        {u"tier"_s, toString(field.tier)},
        {u"standardPackId"_s, u"IFRS-CORE-2025"_s},
        {u"dataType"_s, field.dataType},
        {u"ownerId"_s, u"raj.patel"_s},
        {u"stewardId"_s, u"lena.fischer"_s},
        {u"status"_s, u"active"_s},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                   {u"schema"_s, u"finance"_s},
                                   {u"table"_s, field.table},
                                   {u"column"_s, field.column}}},
    };
    if (!field.format.isEmpty())
        payload.insert(u"format"_s, field.format);
    return payload;
}

QJsonObject kpiPayload(const demo::DemoKpi &kpi)
{
    return {{u"canonicalKey"_s, kpi.key},       {u"label"_s, kpi.label},
            {u"description"_s, kpi.description}, {u"formula"_s, kpi.formula},
            {u"dependsOn"_s, QJsonArray::fromStringList(kpi.dependsOn)},
            {u"tier"_s, toString(kpi.tier)},     {u"ownerId"_s, u"raj.patel"_s},
            {u"status"_s, u"active"_s}};
}

QJsonObject rulePayload(const demo::DemoRule &rule)
{
    return {{u"canonicalKey"_s, rule.key},
            {u"label"_s, rule.label},
            {u"appliesTo"_s, rule.appliesTo},
            {u"ruleType"_s, rule.ruleType},
            {u"definition"_s, QJsonDocument::fromJson(rule.definitionJson.toUtf8()).object()},
            {u"severity"_s, rule.severity},
            {u"status"_s, u"active"_s}};
}

QJsonObject termPayload(const demo::DemoTerm &term)
{
    return {{u"canonicalKey"_s, term.key},
            {u"term"_s, term.term},
            {u"definition"_s, term.definition},
            {u"synonyms"_s, QJsonArray::fromStringList(term.synonyms)},
            {u"relatedKeys"_s, QJsonArray()},
            {u"status"_s, u"active"_s}};
}

// A JSON object with its members in the order a person writes them: the entity's
// columns first, and inside bindings and rule definitions their natural order.
json::Node naturallyOrdered(const QJsonValue &value, const QStringList &order = {})
{
    if (!value.isObject())
        return json::fromQJsonValue(value);
    static const QStringList inner{u"source"_s, u"schema"_s, u"table"_s, u"column"_s,
                                   u"pattern"_s, u"min"_s, u"max"_s, u"values"_s};
    const QJsonObject object = value.toObject();
    QStringList keys;
    for (const QString &key : order.isEmpty() ? inner : order) {
        if (object.contains(key))
            keys.append(key);
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!keys.contains(it.key()))
            keys.append(it.key());
    }
    json::Node node = json::Node::object();
    for (const QString &key : std::as_const(keys))
        node.setMember(key, naturallyOrdered(object.value(key)));
    return node;
}

// The payload in the order of the entity's columns, as a person would write it.
json::Node orderedPayload(EntityType type, const QJsonObject &payload)
{
    QStringList columns;
    for (const FieldSpec &spec : EntitySchema::of(type).fields)
        columns.append(spec.jsonName);
    return naturallyOrdered(payload, columns);
}

QJsonObject stateOf(const EntitySnapshot &snapshot)
{
    return json::toQJsonValue(snapshot.document).toObject();
}

// Drives ApprovalService on a clock that walks forward through the demo's history.
// Embedded, one connection acts for everyone; on a team database every person acts
// through their own login on the same server (steward_login lets a person act only as
// themselves), each with its own connection, opened when they first act.
class Script
{
public:
    Script(Database &database, const QUuid &tenantId, const QList<demo::DemoUser> &users)
        : m_database(database),
          m_tenantId(tenantId),
          m_users(users),
          m_clock(QDateTime::currentDateTimeUtc().addDays(-90)),
          m_random(20261127)
    {
    }

    void advance(qint64 minutes) { m_clock = m_clock.addSecs(minutes * 60); }
    void setClock(const QDateTime &time) { m_clock = time; }
    QRandomGenerator &random() { return m_random; }

    QString requesterFor(Role decidingRole)
    {
        // Anyone who can write, preferring people who cannot decide it themselves.
        QStringList candidates;
        for (const auto &user : m_users) {
            if (user.roles != QList<Role>{Role::Viewer} && !user.roles.contains(decidingRole))
                candidates.append(user.id);
        }
        if (candidates.isEmpty()) {
            for (const auto &user : m_users) {
                if (user.roles != QList<Role>{Role::Viewer})
                    candidates.append(user.id);
            }
        }
        return candidates.at(m_random.bounded(int(candidates.size())));
    }

    QString deciderFor(Role role, const QString &requester)
    {
        QStringList candidates;
        for (const auto &user : m_users) {
            if (user.roles.contains(role) && user.id != requester)
                candidates.append(user.id);
        }
        return candidates.isEmpty() ? QString() : candidates.at(m_random.bounded(int(candidates.size())));
    }

    Result<Approval> submit(EntityType type, const QUuid &entityId, const QString &key, Tier tier,
                            const QJsonObject &payload, std::optional<Lane> lane = std::nullopt)
    {
        ChangeRequest request;
        request.entityType = type;
        request.entityId = entityId;
        request.entityKey = key;
        request.tier = tier;
        request.lane = lane.value_or(laneFor(tier));
        request.requiredRole = roleFor(request.lane);
        request.payload = orderedPayload(type, payload);
        const QString requester = requesterFor(request.requiredRole);
        auto service = serviceFor(requester);
        if (!service)
            return service.error();
        return service.value()->submit(Actor{m_tenantId, requester}, request);
    }

    enum class Outcome { Approve, Reject, Cancel, Leave };

    Status decide(const Approval &approval, Outcome outcome, const QString &reason = {})
    {
        advance(30 + m_random.bounded(600));
        if (outcome == Outcome::Leave)
            return std::nullopt;
        const QString actor = outcome == Outcome::Cancel ? approval.requestedBy
                                                         : deciderFor(approval.requiredRole, approval.requestedBy);
        auto service = serviceFor(actor);
        if (!service)
            return service.error();
        Result<Approval> result = approval;
        switch (outcome) {
        case Outcome::Approve:
            result = service.value()->approve(Actor{m_tenantId, actor}, approval.id, reason);
            break;
        case Outcome::Reject:
            result = service.value()->reject(Actor{m_tenantId, actor}, approval.id, reason);
            break;
        case Outcome::Cancel:
            result = service.value()->cancel(Actor{m_tenantId, actor}, approval.id);
            break;
        case Outcome::Leave:
            break;
        }
        if (!result)
            return result.error();
        // The schema's owner, who writes the demo, dates the decision back to the script's clock.
        return demo::backdateDecision(m_database, result.value(), m_clock);
    }

    // Creates an entity through a request that is then approved.
    Result<Approval> establish(EntityType type, const QString &key, Tier tier, const QJsonObject &payload)
    {
        advance(60 + m_random.bounded(240));
        auto submitted = submit(type, {}, key, tier, payload);
        if (!submitted)
            return submitted;
        if (auto failed = decide(submitted.value(), Outcome::Approve, u"Initial onboarding of the finance catalog"_s))
            return *failed;
        return submitted;
    }

private:
    Result<ApprovalService *> serviceFor(const QString &userId)
    {
        const QString desk = m_database.isTeamDatabase() ? userId : QString();
        if (auto found = m_services.find(desk); found != m_services.end())
            return found->second.get();
        Database *connection = &m_database;
        if (m_database.isTeamDatabase()) {
            DatabaseUrl login = m_database.url();
            login.user = userId;
            auto opened = Database::open(login);
            if (!opened)
                return opened.error(); // libpq names the login that is missing or refused
            connection = opened.value().get();
            m_logins[userId] = std::move(opened.value());
        }
        auto service = std::make_unique<ApprovalService>(*connection, m_bus, [this] { return m_clock; });
        ApprovalService *raw = service.get();
        m_services[desk] = std::move(service);
        return raw;
    }

    Database &m_database;
    QUuid m_tenantId;
    QList<demo::DemoUser> m_users;
    QDateTime m_clock;
    EventBus m_bus;
    // Declared before the services that use them, so destroyed after them.
    std::map<QString, std::unique_ptr<Database>> m_logins;
    std::map<QString, std::unique_ptr<ApprovalService>> m_services;
    QRandomGenerator m_random;
};

struct Live
{
    EntityType type;
    QUuid id;
    QString key;
    Tier tier;
    QJsonObject state;
};

const QStringList kNewAttributes{u"source_system"_s, u"created_by"_s,   u"approved_by"_s, u"region"_s,
                                 u"legal_entity"_s,  u"segment_code"_s, u"profit_center"_s, u"project_code"_s,
                                 u"batch_id"_s,      u"audit_flag"_s};
const QStringList kTables{u"journal_lines"_s, u"ap_invoices"_s, u"ar_invoices"_s, u"cash_positions"_s,
                          u"budgets"_s, u"assets"_s};

QString tableDomain(const QString &table)
{
    if (table == u"journal_lines"_s) return u"General Ledger"_s;
    if (table == u"ap_invoices"_s) return u"Accounts Payable"_s;
    if (table == u"ar_invoices"_s) return u"Accounts Receivable"_s;
    if (table == u"cash_positions"_s) return u"Treasury"_s;
    if (table == u"budgets"_s) return u"Controlling"_s;
    return u"Fixed Assets"_s;
}

QString humanise(const QString &snake)
{
    QString text = snake;
    text.replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// One modification of a live entity, as a steward would propose it.
QJsonObject proposeUpdate(const Live &live, QRandomGenerator &random, int variant)
{
    QJsonObject payload = live.state;
    payload.remove(u"tenantId"_s);
    const QJsonObject unchanged = payload;
    switch (live.type) {
    case EntityType::GlobalMetadata:
        switch (variant % 5) {
        case 0:
            payload[u"description"_s] = live.state.value(u"description"_s).toString()
                                        + u" Excludes statistical postings."_s;
            break;
        case 1:
            payload[u"stewardId"_s] = random.bounded(2) ? u"jonas.weber"_s : u"amara.okafor"_s;
            break;
        case 2:
            if (live.state.value(u"dataType"_s).toString() == u"DECIMAL"_s)
                payload[u"format"_s] = u"19,4"_s;
            else
                payload[u"label"_s] = live.state.value(u"label"_s).toString() + u" (harmonised)"_s;
            break;
        case 3: {
            QJsonObject binding = live.state.value(u"binding"_s).toObject();
            binding[u"schema"_s] = u"finance_v2"_s;
            payload[u"binding"_s] = binding;
            break;
        }
        default:
            payload[u"status"_s] = u"deprecated"_s;
            payload[u"description"_s] = u"Superseded; use the harmonised field instead."_s;
            break;
        }
        break;
    case EntityType::Kpi:
        if (variant % 2 == 0)
            payload[u"formula"_s] = live.state.value(u"formula"_s).toString() + u" excluding intercompany"_s;
        else
            payload[u"description"_s] = live.state.value(u"description"_s).toString() + u" Reported monthly."_s;
        break;
    case EntityType::BusinessRule:
        payload[u"severity"_s] = variant % 2 ? u"critical"_s : u"warning"_s;
        if (live.state.value(u"ruleType"_s).toString() == u"range"_s && variant % 3 == 0) {
            QJsonObject definition = live.state.value(u"definition"_s).toObject();
            definition[u"max"_s] = 1000000;
            if (definition.value(u"min"_s).toDouble() > 1000000)
                definition.remove(u"min"_s);
            payload[u"definition"_s] = definition;
        }
        break;
    case EntityType::Glossary: {
        QJsonArray synonyms = live.state.value(u"synonyms"_s).toArray();
        synonyms.append(u"%1 (finance)"_s.arg(live.state.value(u"term"_s).toString().toLower()));
        payload[u"synonyms"_s] = synonyms;
        if (variant % 2)
            payload[u"definition"_s] = live.state.value(u"definition"_s).toString() + u" See the finance policy manual."_s;
        break;
    }
    }
    // A variant can repeat what is already live (same severity, same steward); the
    // reviewer would then face an empty diff.
    if (payload == unchanged) {
        const QString field = live.type == EntityType::BusinessRule ? u"label"_s
                              : live.type == EntityType::Glossary   ? u"definition"_s
                                                                    : u"description"_s;
        payload[field] = live.state.value(field).toString() + u" (reviewed)"_s;
    }
    return payload;
}

} // namespace

DemoSeeder::DemoSeeder(Database &database)
    : m_database(database), m_warehouseJournalLines(WarehouseSeeder::journalLinesFromEnvironment())
{
}

Status DemoSeeder::seedWarehouse(Summary &summary)
{
    // The warehouse lives beside an SQLite metadata file unless placed elsewhere; team
    // mode brings its own.
    QString path = m_warehousePath;
    const DatabaseUrl &url = m_database.url();
    if (path.isEmpty() && url.kind == DatabaseUrl::Kind::Sqlite && !url.path.isEmpty() && url.path != u":memory:"_s)
        path = WarehouseSeeder::pathBeside(url.path);
    if (path.isEmpty())
        return std::nullopt;
    auto written = WarehouseSeeder().seed(path, {m_warehouseJournalLines, 20260101});
    if (!written)
        return written.error();
    summary.warehousePath = path;
    summary.warehouseRows = written.value().rows;
    DataSourceRepository sources(m_database);
    for (const QUuid &tenant : {demo::northwindTenantId(), demo::contosoTenantId()}) {
        DataSource source;
        source.tenantId = tenant;
        source.name = u"warehouse"_s;
        source.driver = DataSource::SqliteDriver;
        source.path = path;
        source.schemaName = u"finance"_s;
        if (auto saved = sources.save(source); !saved)
            return saved.error();
    }
    return std::nullopt;
}

Status DemoSeeder::removeDemoTenants()
{
    WriteTransaction transaction(m_database);
    if (auto failed = transaction.begin())
        return failed;
    const QStringList tables{u"mdm_event"_s,        u"mdm_approval"_s,      u"mdm_profile"_s,
                             u"mdm_alert"_s,        u"mdm_data_source"_s,   u"mdm_business_rule"_s,
                             u"mdm_kpi"_s,          u"mdm_glossary_term"_s, u"mdm_global_metadata"_s,
                             u"mdm_user_role"_s,    u"mdm_tenant"_s};
    for (const QUuid &tenant : {demo::northwindTenantId(), demo::contosoTenantId()}) {
        for (const QString &table : tables) {
            const QString column = table == u"mdm_tenant"_s ? u"id"_s : u"tenant_id"_s;
            if (auto result = m_database.run(u"DELETE FROM "_s + table + u" WHERE "_s + column + u" = ?"_s,
                                             {uuidText(tenant)});
                !result)
                return result.error();
        }
    }
    return transaction.commit();
}

Result<DemoSeeder::Summary> DemoSeeder::seed()
{
    if (auto failed = removeDemoTenants())
        return *failed;

    Summary summary;
    DirectoryRepository directory(m_database);
    const QList<std::pair<Tenant, QList<demo::DemoUser>>> tenants{
        {Tenant{demo::northwindTenantId(), u"Northwind Finance"_s}, demo::northwindUsers()},
        {Tenant{demo::contosoTenantId(), u"Contoso Retail"_s}, demo::contosoUsers()},
    };
    for (const auto &[tenant, users] : tenants) {
        if (auto failed = directory.addTenant(tenant))
            return *failed;
        ++summary.tenants;
        for (const auto &user : users) {
            for (const Role role : user.roles) {
                if (auto failed = directory.grant(tenant.id, user.id, role, user.displayName))
                    return *failed;
            }
            ++summary.users;
        }
    }
    if (auto failed = seedWarehouse(summary))
        return *failed;

    Script script(m_database, demo::northwindTenantId(), demo::northwindUsers());
    QList<Live> live;
    auto remember = [&](const Result<Approval> &approval) -> Status {
        if (!approval)
            return approval.error();
        ++summary.decided;
        return std::nullopt;
    };

    // History: the catalog as it was onboarded over the last three months.
    for (const auto &field : demo::fields()) {
        if (auto failed = remember(script.establish(EntityType::GlobalMetadata, field.key, field.tier,
                                                    fieldPayload(field))))
            return *failed;
    }
    for (const auto &kpi : demo::kpis()) {
        if (auto failed = remember(script.establish(EntityType::Kpi, kpi.key, kpi.tier, kpiPayload(kpi))))
            return *failed;
    }
    for (const auto &rule : demo::rules()) {
        if (auto failed = remember(script.establish(EntityType::BusinessRule, rule.key, Tier::Tier2,
                                                    rulePayload(rule))))
            return *failed;
    }
    for (const auto &term : demo::glossary()) {
        if (auto failed = remember(script.establish(EntityType::Glossary, term.key, Tier::Tier4, termPayload(term))))
            return *failed;
    }

    // Read back what is live, with ids and versions, to propose updates against.
    EntityRepository entities(m_database);
    auto collect = [&](EntityType type, const QString &key, Tier tier) -> Status {
        auto found = entities.findByKey(demo::northwindTenantId(), type, key);
        if (!found)
            return found.error();
        if (found.value())
            live.append(Live{type, found.value()->id, key, tier, stateOf(*found.value())});
        return std::nullopt;
    };
    for (const auto &field : demo::fields())
        if (auto failed = collect(EntityType::GlobalMetadata, field.key, field.tier))
            return *failed;
    for (const auto &kpi : demo::kpis())
        if (auto failed = collect(EntityType::Kpi, kpi.key, kpi.tier))
            return *failed;
    for (const auto &rule : demo::rules())
        if (auto failed = collect(EntityType::BusinessRule, rule.key, Tier::Tier2))
            return *failed;
    for (const auto &term : demo::glossary())
        if (auto failed = collect(EntityType::Glossary, term.key, Tier::Tier4))
            return *failed;

    // Some decided updates: approved, rejected and cancelled.
    const QStringList rejections{u"Changes the meaning of a tier1 field without a migration plan."_s,
                                 u"Duplicates an existing definition; extend that one instead."_s,
                                 u"Owner has not confirmed; resubmit with their sign-off."_s};
    for (int i = 0; i < 24; ++i) {
        const Live &target = live.at((i * 7) % live.size());
        script.advance(120 + script.random().bounded(600));
        auto submitted = script.submit(target.type, target.id, target.key, target.tier,
                                       proposeUpdate(target, script.random(), i));
        if (!submitted)
            return submitted.error();
        const auto outcome = i % 4 == 0   ? Script::Outcome::Reject
                             : i % 6 == 1 ? Script::Outcome::Cancel
                                          : Script::Outcome::Approve;
        if (auto failed = script.decide(submitted.value(), outcome, outcome == Script::Outcome::Reject
                                                                         ? rejections.at(i % rejections.size())
                                                                         : QString()))
            return *failed;
        ++summary.decided;
        if (outcome == Script::Outcome::Approve) {
            auto refreshed = entities.findById(demo::northwindTenantId(), target.type, target.id);
            if (refreshed && refreshed.value())
                live[(i * 7) % live.size()].state = stateOf(*refreshed.value());
        }
    }

    // The open queue: the last two weeks of proposals, updates and new fields.
    script.setClock(QDateTime::currentDateTimeUtc().addDays(-14));
    int pending = 0;
    for (int i = 0; pending < 170; ++i) {
        const Live &target = live.at((i * 5 + 3) % live.size());
        script.advance(60 + script.random().bounded(50));
        auto submitted = script.submit(target.type, target.id, target.key, target.tier,
                                       proposeUpdate(target, script.random(), i / 3 + i));
        if (!submitted)
            return submitted.error();
        ++pending;
    }
    for (const QString &table : kTables) {
        for (const QString &attribute : kNewAttributes) {
            const QString key = u"%1.%2"_s.arg(table, attribute);
            const int tierNumber = 1 + script.random().bounded(5);
            const Tier tier = static_cast<Tier>(tierNumber);
            const demo::DemoField field{key, humanise(attribute), tableDomain(table), u"GL"_s, table, attribute,
                                        u"TEXT"_s, u"40"_s, tier,
                                        u"%1 recorded on %2 rows for lineage and audit."_s
                                            .arg(humanise(attribute), table)};
            script.advance(20 + script.random().bounded(40));
            auto submitted = script.submit(EntityType::GlobalMetadata, {}, key, tier, fieldPayload(field));
            if (!submitted)
                return submitted.error();
            ++pending;
        }
    }
    summary.pending = pending;

    // A second tenant, so isolation is visible in the demo too.
    Script contoso(m_database, demo::contosoTenantId(), demo::contosoUsers());
    contoso.setClock(QDateTime::currentDateTimeUtc().addDays(-3));
    for (int i = 0; i < 6; ++i) {
        const demo::DemoField field{u"retail.store.attribute_%1"_s.arg(i + 1), u"Store attribute %1"_s.arg(i + 1),
                                    u"Retail"_s, u"POS"_s, u"stores"_s, u"attribute_%1"_s.arg(i + 1), u"TEXT"_s,
                                    u"20"_s, Tier::Tier3, u"Store master attribute."_s};
        contoso.advance(90);
        auto submitted = contoso.submit(EntityType::GlobalMetadata, {}, field.key, field.tier, fieldPayload(field));
        if (!submitted)
            return submitted.error();
    }

    // Ninety days of profile history, so the quality charts have a story on first start.
    demo::ProfileHistorySeeder::Options history;
    history.journalLines = m_warehouseJournalLines;
    if (auto written = demo::ProfileHistorySeeder(m_database).seedDemo(history); !written)
        return written.error();
    return summary;
}

} // namespace steward
