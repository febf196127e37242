#pragma once

// Shared fixture of the core tests: a real, migrated SQLite file in a temporary folder,
// one tenant with a user per role, and helpers to build valid change requests.

#include "approval/ApprovalService.h"
#include "events/EventBus.h"
#include "model/Approval.h"
#include "model/ChangeRequest.h"
#include "store/Database.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/Migrator.h"
#include "TeamDatabaseCopy.h"

#include <QJsonArray>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>

namespace steward {

// Lets QCOMPARE print error codes. (The vocabularies of Types.h already have a
// toString returning QString, so tests compare those by their stored spelling.)
inline char *toString(ErrorCode code)
{
    static const char *const names[] = {"Invalid", "Forbidden", "NotFound", "Conflict", "Stale", "Unavailable", "Corrupted"};
    return qstrdup(names[static_cast<int>(code)]);
}

} // namespace steward

namespace steward::testing {

using namespace Qt::StringLiterals;

// The fixture tenant's people. Ids say what they hold.
namespace Users {
inline const QString Architect = u"ana.architect"_s;        // kernel_architect
inline const QString ArchitectSteward = u"ben.architect"_s; // kernel_architect + metadata_steward
inline const QString Steward = u"sam.steward"_s;            // metadata_steward
inline const QString OtherSteward = u"sue.steward"_s;       // metadata_steward
inline const QString Owner = u"otto.owner"_s;               // data_owner
inline const QString Viewer = u"vera.viewer"_s;             // viewer
} // namespace Users

inline QString describe(const Status &status)
{
    return status ? status->text() : QString();
}

template <typename T> QString describe(const Result<T> &result)
{
    return result ? QString() : result.error().text();
}

inline bool failed(const Status &status)
{
    return status.has_value();
}

template <typename T> bool failed(const Result<T> &result)
{
    return !result.ok();
}

// Fails the current test function with the error's text when an operation failed.
// Evaluates `expression` once, so it may be the operation itself.
#define STEWARD_VERIFY_OK(expression)                                                                                  \
    do {                                                                                                               \
        const auto &stewardOutcome = (expression);                                                                     \
        QVERIFY2(!::steward::testing::failed(stewardOutcome),                                                          \
                 qPrintable(::steward::testing::describe(stewardOutcome)));                                            \
    } while (false)

inline QJsonObject fieldPayload(const QString &key, Tier tier, const QString &table = u"orders"_s,
                                const QString &column = u"amount"_s)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Order amount"_s},
        {u"description"_s, u"Gross amount of an order."_s},
        {u"domain"_s, u"Sales"_s},
        {u"module"_s, u"SD"_s},
        {u"entityUrn"_s, u"urn:test:warehouse.%1.%2"_s.arg(table, column)},
        {u"tier"_s, toString(tier)},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"ownerId"_s, Users::Owner},
        {u"stewardId"_s, Users::Steward},
        {u"status"_s, u"active"_s},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s}, {u"table"_s, table}, {u"column"_s, column}}},
    };
}

inline QJsonObject kpiPayload(const QString &key, Tier tier)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Average order value"_s},
        {u"formula"_s, u"SUM(orders.amount) / COUNT(orders)"_s},
        {u"dependsOn"_s, QJsonArray{u"orders.amount"_s}},
        {u"tier"_s, toString(tier)},
        {u"status"_s, u"active"_s},
    };
}

inline QJsonObject rulePayload(const QString &key, const QString &appliesTo)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},    {u"label"_s, u"Amount is not negative"_s},     {u"appliesTo"_s, appliesTo},
        {u"ruleType"_s, u"range"_s}, {u"definition"_s, QJsonObject{{u"min"_s, 0}}}, {u"severity"_s, u"error"_s},
        {u"status"_s, u"active"_s},
    };
}

inline QJsonObject glossaryPayload(const QString &key)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"term"_s, u"Order"_s},
        {u"definition"_s, u"A customer's binding request to buy goods."_s},
        {u"synonyms"_s, QJsonArray{u"sales order"_s}},
        {u"status"_s, u"active"_s},
    };
}

// The lane and deciding role a tier normally goes through.
inline Lane laneFor(Tier tier)
{
    return tier == Tier::Tier1 ? Lane::Kernel : Lane::Governed;
}

inline Role roleFor(Lane lane)
{
    return lane == Lane::Kernel ? Role::KernelArchitect : Role::MetadataSteward;
}

inline ChangeRequest createRequest(EntityType type, const QString &key, Tier tier, const QJsonObject &payload)
{
    ChangeRequest request;
    request.entityType = type;
    request.entityKey = key;
    request.tier = tier;
    request.lane = laneFor(tier);
    request.requiredRole = roleFor(request.lane);
    request.payload = json::fromQJsonValue(payload);
    return request;
}

inline ChangeRequest updateRequest(EntityType type, const EntitySnapshot &entity, Tier tier, const QJsonObject &payload)
{
    ChangeRequest request = createRequest(type, entity.canonicalKey, tier, payload);
    request.entityId = entity.id;
    return request;
}

class TestDatabase
{
public:
    TestDatabase() = default;
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    ~TestDatabase()
    {
        m_service.reset();
        m_database.reset();
        m_owner.reset(); // before the copy is dropped
    }

    // Creates, migrates and fills the database; call once, check the result. On
    // PostgreSQL a database of its own, copied from the migrated template (an empty one
    // without `migrate`), used through the service login the shared tests act with.
    Status setUp(bool migrate = true)
    {
        if (!m_dir.isValid())
            return Error::make(ErrorCode::Unavailable, u"no temporary folder: "_s + m_dir.errorString());
        if (const auto team = postgresUnderTest()) {
            if (auto failed = createTeamDatabase(*team, migrate))
                return failed;
        } else {
            m_url = DatabaseUrl::sqlite(path());
        }
        auto opened = Database::open(m_url);
        if (!opened)
            return opened.error();
        m_database = std::move(opened.value());
        if (!migrate)
            return std::nullopt;
        if (auto failed = Migrator(*m_database).upgrade())
            return failed;
        if (auto failed = addTenant(tenantId(), u"Acme"_s,
                                    {{Users::Architect, {Role::KernelArchitect}},
                                     {Users::ArchitectSteward, {Role::KernelArchitect, Role::MetadataSteward}},
                                     {Users::Steward, {Role::MetadataSteward}},
                                     {Users::OtherSteward, {Role::MetadataSteward}},
                                     {Users::Owner, {Role::DataOwner}},
                                     {Users::Viewer, {Role::Viewer}}}))
            return failed;
        if (auto failed = m_database->signIn(tenantId(), Users::Steward))
            return failed;
        m_service = std::make_unique<ApprovalService>(*m_database, m_bus, [this] {
            // A clock that moves one second per reading keeps timestamps distinct and repeatable.
            m_now = m_now.addSecs(1);
            return m_now;
        });
        return std::nullopt;
    }

    bool isTeamDatabase() const { return m_url.kind == DatabaseUrl::Kind::Postgres; }
    const DatabaseUrl &url() const { return m_url; }

    Status addTenant(const QUuid &id, const QString &name, const QList<std::pair<QString, QList<Role>>> &users)
    {
        DirectoryRepository directory(fixture());
        if (auto failed = directory.addTenant(Tenant{id, name}))
            return failed;
        for (const auto &[userId, roles] : users) {
            for (const Role role : roles) {
                if (auto failed = directory.grant(id, userId, role, userId))
                    return failed;
            }
        }
        return std::nullopt;
    }

    QString path() const { return m_dir.filePath(u"steward.db"_s); }
    // The connection the code under test uses.
    Database &database() { return *m_database; }
    // The connection a test writes its fixture rows through: the schema's owner on a team
    // database (row-level security and the guard let the service login write only what
    // users may), the same connection on SQLite.
    Database &fixture() const { return m_owner ? *m_owner : *m_database; }
    EventBus &bus() { return m_bus; }
    ApprovalService &service() { return *m_service; }
    static QUuid tenantId() { return QUuid(u"0d6a8f52-4a7b-4c1e-9f3d-5b2e7c9a1f00"_s); }
    Actor as(const QString &userId) const { return Actor{tenantId(), userId}; }

    // Another connection to the same database, as a second process or thread would have,
    // signed in as the fixture tenant's steward.
    Result<std::unique_ptr<Database>> openConnection() const
    {
        auto opened = Database::open(m_url);
        if (opened) {
            if (auto failed = opened.value()->signIn(tenantId(), Users::Steward))
                return *failed;
        }
        return opened;
    }

    // Where an operator's /metrics reads every tenant: on the team database the monitor
    // login the test server creates (tests/postgres/test-server.sh), on SQLite the file.
    DatabaseUrl monitorUrl() const
    {
        DatabaseUrl url = m_url;
        if (isTeamDatabase())
            url.user = u"steward_test_monitor"_s;
        return url;
    }

    // Creates an entity the way users do: a request by the data owner, approved by
    // someone entitled to decide it.
    Result<EntitySnapshot> establish(EntityType type, const QString &key, Tier tier, const QJsonObject &payload)
    {
        auto submitted = m_service->submit(as(Users::Owner), createRequest(type, key, tier, payload));
        if (!submitted)
            return submitted.error();
        const QString decider = tier == Tier::Tier1 ? Users::Architect : Users::Steward;
        auto approved = m_service->approve(as(decider), submitted.value().id);
        if (!approved)
            return approved.error();
        return entity(type, key);
    }

    Result<EntitySnapshot> entity(EntityType type, const QString &key) const
    {
        auto found = EntityRepository(*m_database).findByKey(tenantId(), type, key);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::make(ErrorCode::NotFound, u"no entity "_s + key);
        return *found.value();
    }

    Result<Approval> approval(const QUuid &id) const
    {
        auto found = m_service->find(tenantId(), id);
        if (!found)
            return found.error();
        if (!found.value())
            return Error::make(ErrorCode::NotFound, u"no approval "_s + uuidText(id));
        return *found.value();
    }

    // The first column of the first row, or an invalid QVariant (read as the owner).
    QVariant scalar(const QString &sql, const QVariantList &values = {}) const
    {
        auto query = fixture().run(sql, values);
        if (!query || !query.value().next())
            return {};
        return query.value().value(0);
    }

    int rowCount(const QString &table) const { return scalar(u"SELECT COUNT(*) FROM "_s + table).toInt(); }

    // Every row of a table as text, to compare a table before and after an operation.
    QStringList dump(const QString &table) const
    {
        QStringList rows;
        auto query = fixture().run(u"SELECT * FROM "_s + table + u" ORDER BY 1"_s);
        if (!query)
            return {u"error: "_s + query.error().text()};
        while (query.value().next()) {
            QStringList cells;
            const QSqlRecord record = query.value().record();
            for (int i = 0; i < record.count(); ++i)
                cells.append(record.fieldName(i) + u'=' + query.value().value(i).toString());
            rows.append(cells.join(u'|'));
        }
        return rows;
    }

private:
    // A database of its own on the test server, copied from the migrated template (or
    // from template0 when the test migrates by itself), with an owner connection for the
    // fixture rows.
    Status createTeamDatabase(const DatabaseUrl &template_, bool migrated)
    {
        if (auto failed = m_copy.create(template_, migrated))
            return failed;
        m_url = m_copy.url();
        if (!migrated) {
            m_url = m_copy.as(TeamDatabaseCopy::OwnerLogin); // a test that migrates by itself does so as the owner
            return std::nullopt;
        }
        auto ownerConnection = Database::open(m_copy.as(TeamDatabaseCopy::OwnerLogin));
        if (!ownerConnection)
            return ownerConnection.error();
        m_owner = std::move(ownerConnection.value());
        return std::nullopt;
    }

    QTemporaryDir m_dir;
    TeamDatabaseCopy m_copy; // declared before the connections to it, so dropped after them
    DatabaseUrl m_url;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<Database> m_database;
    EventBus m_bus;
    QDateTime m_now = QDateTime(QDate(2025, 3, 3), QTime(9, 0), Qt::UTC);
    std::unique_ptr<ApprovalService> m_service;
};

} // namespace steward::testing
