#pragma once

#include "store/SqlDialect.h"

namespace steward {

// Team mode on a shared PostgreSQL database (SPEC section 8): the same tables in
// PostgreSQL types, and from schema version 6 the rules enforced by the database itself
// (sql/postgresql/migrations, embedded as resources).
class PostgresDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    void configure(QSqlDatabase &database) const override;
    QStringList sessionStatements() const override;
    QString beginWriteStatement() const override;
    QList<Migration> migrations() const override;
    QString containsIgnoringCase(const QString &column) const override;
    QString dayOf(const QString &timestamp) const override;
    QString isoTimestamp(const QString &timestamp) const override;
    QString secondsBetween(const QString &from, const QString &to) const override;
    QString jsonMemberText(const QString &json, const QString &member) const override;
    QString exactJsonColumn(const QString &column) const override;
    QString exactJsonBytes(const QString &column) const override;
    QString auditText(const QString &column) const override;
    bool sealsEventsItself() const override;
    QString readSnapshotStatement() const override;
    QString signInStatement() const override;
    QString decisionFunction() const override;
    Error translate(const QSqlError &error) const override;
};

} // namespace steward
