#pragma once

#include "store/SqlDialect.h"
#include "store/SqliteStorageFailure.h"

namespace steward {

// The embedded store: one file, WAL journal, foreign keys on, JSON checked with json_valid.
class SqliteDialect final : public SqlDialect
{
public:
    // `databasePath` is the file the connection opens: storage failures name it.
    explicit SqliteDialect(const QString &databasePath = {});

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

private:
    SqliteStorageFailure m_storageFailure;
};

} // namespace steward
