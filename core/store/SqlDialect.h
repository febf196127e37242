#pragma once

#include "model/Error.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace steward {

class Database;

struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    // Work SQL alone cannot do (e.g. computing hashes), run after the statements in the
    // same transaction; none when empty.
    std::function<Status(Database &)> afterStatements = {};
};

// Everything that differs between SQL engines lives behind this interface,
// so the repositories speak one SQL and PostgreSQL plugs in beside SQLite.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;
    virtual QString driverName() const = 0;
    // Applied to a connection before open(): driver options.
    virtual void configure(QSqlDatabase &database) const = 0;
    // Run once after open(): pragmas or session settings.
    virtual QStringList sessionStatements() const = 0;
    // Starts a transaction that takes the write lock at once, so two deciders queue up
    // rather than both reading "pending".
    virtual QString beginWriteStatement() const = 0;
    // Stepwise schema upgrades, in ascending version order.
    virtual QList<Migration> migrations() const = 0;
    // A case-insensitive LIKE over `column` against a bound pattern with '\' as escape.
    virtual QString containsIgnoringCase(const QString &column) const = 0;

    // Expressions the engines spell differently. Arguments are SQL expressions the
    // caller wrote (column names, aliases), never user input.
    // The UTC calendar day of a timestamp as 'YYYY-MM-DD' text.
    virtual QString dayOf(const QString &timestamp) const = 0;
    // A timestamp as the text toIsoTimestamp writes ('2025-03-03T09:00:00.000Z'), which
    // the program reads faster than the driver's date and time values.
    virtual QString isoTimestamp(const QString &timestamp) const = 0;
    // The seconds from one timestamp to a later one, as a real.
    virtual QString secondsBetween(const QString &from, const QString &to) const = 0;
    // One member of a JSON object column as text, NULL when absent. `member` is a plain
    // identifier ([A-Za-z0-9_]).
    virtual QString jsonMemberText(const QString &json, const QString &member) const = 0;
    // The column holding a request document (payload, current_state) exactly as it was
    // submitted, member order and number text kept.
    virtual QString exactJsonColumn(const QString &column) const = 0;
    // The same document for a reader that takes its UTF-8 bytes (QVariant::toByteArray()),
    // in the form the engine hands them over with the least conversion.
    virtual QString exactJsonBytes(const QString &column) const = 0;

    // An mdm_event column as the text the audit chain seals (events/AuditSeal): integers
    // in decimal, UUIDs as stored, occurred_at as toIsoTimestamp writes it, the payload as
    // stored; read as text or as its UTF-8 bytes. `column` is one of AuditSeal::kColumns.
    virtual QString auditText(const QString &column) const = 0;
    // True where the database seals each event as it is stored (a trigger); false where
    // the program does it in the same transaction (AuditTrail::seal).
    virtual bool sealsEventsItself() const = 0;

    // Run first inside a transaction that only reads, so that every statement of it sees
    // one snapshot of the database (empty where a transaction already is one).
    virtual QString readSnapshotStatement() const = 0;
    // How a session states who it acts as (bound: tenant id, user id), where the engine
    // checks it; empty where the program's own checks are all there is.
    virtual QString signInStatement() const = 0;
    // The function through which the database itself decides a request (id, decision,
    // reason, expected entity version; returns `decided`, the stored mdm_approval row, and
    // `events`, the events written with it as a JSON array of Event::toJson envelopes), or
    // empty where the program decides in its own transaction.
    virtual QString decisionFunction() const = 0;
    // A driver error as the user-facing error it stands for (refusals of the database's
    // own guard keep their code: forbidden, conflict, stale, invalid, not found).
    virtual Error translate(const QSqlError &error) const = 0;
};

// Escapes % _ and \ so user text matches literally inside a LIKE pattern.
QString likePattern(const QString &text);

} // namespace steward
