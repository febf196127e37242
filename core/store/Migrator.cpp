#include "store/Migrator.h"

#include "Tr.h"
#include "model/Approval.h"
#include "store/Database.h"
#include "store/WriteTransaction.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace steward {

Migrator::Migrator(Database &database) : m_database(database) {}

int Migrator::latestVersion() const
{
    const auto steps = m_database.dialect().migrations();
    return steps.isEmpty() ? 0 : steps.last().version;
}

Result<int> Migrator::currentVersion() const
{
    // A database nobody migrated has no version table yet: version 0. (Reading first and
    // creating the table only while upgrading lets a login that may not create tables,
    // a person on a team database, learn the version.)
    auto query = m_database.run(u"SELECT COALESCE(MAX(version), 0) FROM mdm_schema_version"_s);
    if (!query) {
        auto tables = m_database.run(u"SELECT COUNT(*) FROM mdm_tenant"_s);
        if (!tables)
            return 0; // an empty database
        return query.error();
    }
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

Status Migrator::upgrade(int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    const auto current = currentVersion();
    if (!current)
        return current.error();
    if (current.value() > latestVersion())
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the database has schema version %1, newer than this program knows (%2); "
                                      "update Metadata Steward")
                               .arg(current.value())
                               .arg(latestVersion()));

    if (targetVersion < current.value())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the database is at schema version %1; "
                                                              "downgrading to %2 is not supported")
                                                       .arg(current.value())
                                                       .arg(targetVersion));

    for (const Migration &step : m_database.dialect().migrations()) {
        if (step.version <= current.value() || step.version > targetVersion)
            continue;
        WriteTransaction transaction(m_database);
        if (auto failed = transaction.begin())
            return failed;
        auto created = m_database.run(uR"(CREATE TABLE IF NOT EXISTS mdm_schema_version (
                                            version INTEGER PRIMARY KEY,
                                            description TEXT NOT NULL,
                                            applied_at TEXT NOT NULL))"_s);
        if (!created)
            return Error::make(ErrorCode::Unavailable,
                               CoreTr::tr("the database is at schema version %1 and this program needs %2, but this "
                                          "login may not upgrade it (%3); an administrator runs the upgrade as the "
                                          "schema's owner: steward-cli --db URL migrate")
                                   .arg(current.value())
                                   .arg(latestVersion())
                                   .arg(created.error().message));
        for (const QString &statement : step.statements) {
            if (auto result = m_database.run(statement); !result)
                return Error::make(ErrorCode::Unavailable,
                                   CoreTr::tr("schema upgrade to version %1 failed: %2")
                                       .arg(step.version)
                                       .arg(result.error().message));
        }
        if (step.afterStatements) {
            if (auto failed = step.afterStatements(m_database))
                return Error::make(ErrorCode::Unavailable, CoreTr::tr("schema upgrade to version %1 failed: %2")
                                                               .arg(step.version)
                                                               .arg(failed->message));
        }
        auto recorded = m_database.run(
            u"INSERT INTO mdm_schema_version (version, description, applied_at) VALUES (?, ?, ?)"_s,
            {step.version, step.description, toIsoTimestamp(QDateTime::currentDateTimeUtc())});
        if (!recorded)
            return recorded.error();
        if (auto failed = transaction.commit())
            return failed;
    }
    return std::nullopt;
}

} // namespace steward
