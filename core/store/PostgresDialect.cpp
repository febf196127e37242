#include "store/PostgresDialect.h"

#include "Tr.h"
#include "model/EntitySchema.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QString script(const QString &name)
{
    QFile file(u":/sql/postgresql/migrations/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the PostgreSQL migration %s is missing from the resources", qPrintable(name));
    return QString::fromUtf8(file.readAll());
}

QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\'', u"''"_s);
    return u'\'' + escaped + u'\'';
}

// The entity tables and their payload-to-column maps, from the one definition in
// core/model/EntitySchema, as rows the database functions read.
QString entitySchemaRows()
{
    QStringList tables;
    QStringList fields;
    for (const EntityType type : allEntityTypes()) {
        const EntitySchema &schema = EntitySchema::of(type);
        tables.append(u"(%1, %2)"_s.arg(quoted(toString(type)), quoted(schema.table)));
        for (qsizetype i = 0; i < schema.fields.size(); ++i) {
            const FieldSpec &field = schema.fields.at(i);
            fields.append(u"(%1, %2, %3, %4, %5)"_s.arg(quoted(toString(type)))
                              .arg(i + 1)
                              .arg(quoted(field.jsonName), quoted(field.column),
                                   quoted(field.kind == FieldSpec::Kind::Json ? u"json"_s : u"text"_s)));
        }
    }
    return u"INSERT INTO steward_entity_table (entity_type, table_name) VALUES "_s + tables.join(u", "_s)
           + u";\nINSERT INTO steward_entity_field (entity_type, position, json_name, column_name, kind) VALUES "_s
           + fields.join(u",\n    "_s) + u';';
}

// The message of a server error without its "ERROR:" prefix and context lines.
QString serverMessage(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    text = text.section(u'\n', 0, 0);
    for (const QString &prefix : {u"ERROR:"_s, u"FATAL:"_s})
        if (text.startsWith(prefix))
            text = text.mid(prefix.size()).trimmed();
    return text;
}

} // namespace

QString PostgresDialect::driverName() const { return u"QPSQL"_s; }

void PostgresDialect::configure(QSqlDatabase &database) const
{
    Q_UNUSED(database);
}

QStringList PostgresDialect::sessionStatements() const
{
    return {u"SET TIME ZONE 'UTC'"_s, u"SET client_min_messages = warning"_s};
}

QString PostgresDialect::beginWriteStatement() const { return u"BEGIN"_s; }

QString PostgresDialect::containsIgnoringCase(const QString &column) const
{
    return column + u" ILIKE ? ESCAPE '\\'"_s;
}

QString PostgresDialect::dayOf(const QString &timestamp) const
{
    return u"to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD')"_s.arg(timestamp);
}

QString PostgresDialect::isoTimestamp(const QString &timestamp) const
{
    return u"to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"_s.arg(timestamp);
}

QString PostgresDialect::secondsBetween(const QString &from, const QString &to) const
{
    return u"EXTRACT(EPOCH FROM (%2 - %1))::double precision"_s.arg(from, to);
}

QString PostgresDialect::jsonMemberText(const QString &json, const QString &member) const
{
    return u"(%1 ->> '%2')"_s.arg(json, member);
}

QString PostgresDialect::exactJsonColumn(const QString &column) const
{
    return column + u"_text"_s;
}

QString PostgresDialect::exactJsonBytes(const QString &column) const
{
    // libpq hands text over as UTF-8 already; bytea would come escaped.
    return exactJsonColumn(column);
}

QString PostgresDialect::auditText(const QString &column) const
{
    // The trigger of 0008-audit-chain.sql (steward_event_fields) spells the same texts.
    if (column == u"occurred_at"_s)
        return isoTimestamp(column);
    return column + u"::text"_s;
}

bool PostgresDialect::sealsEventsItself() const
{
    return true; // steward_number_event seals each row under the tenant's event lock
}

QString PostgresDialect::readSnapshotStatement() const
{
    // Read committed, the default, takes a new snapshot for every statement.
    return u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s;
}

QString PostgresDialect::signInStatement() const
{
    return u"SELECT steward_login(?, ?)"_s;
}

QString PostgresDialect::decisionFunction() const
{
    return u"steward_decide_with_events"_s;
}

Error PostgresDialect::translate(const QSqlError &error) const
{
    const QString state = error.nativeErrorCode();
    const QString message = serverMessage(error);
    if (state == u"42501"_s)
        return Error::make(ErrorCode::Forbidden, message);
    if (state == u"STW02"_s || state == u"23505"_s)
        return Error::make(ErrorCode::Conflict, message);
    if (state == u"STW03"_s)
        return Error::make(ErrorCode::Stale, message);
    if (state == u"STW04"_s)
        return Error::make(ErrorCode::Invalid, message);
    if (state == u"STW05"_s)
        return Error::make(ErrorCode::NotFound, message);
    if (state == u"40001"_s || state == u"40P01"_s || state == u"55P03"_s)
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the database is busy; try again in a moment (%1)").arg(message));
    // Class 08 and an administrator's or a crash's shutdown (57P01-57P03) mean the
    // server is gone; so does a libpq error that carries no server state at all.
    const bool gone = state.startsWith(u"08"_s) || state == u"57P01"_s || state == u"57P02"_s
        || state == u"57P03"_s || error.type() == QSqlError::ConnectionError
        || message.contains(u"no connection to the server"_s)
        || message.contains(u"server closed the connection"_s);
    if (gone || message.isEmpty())
        return Error::make(ErrorCode::Unavailable, CoreTr::tr("the team database is not reachable: %1")
                                                       .arg(message.isEmpty() ? error.text() : message));
    return Error::make(ErrorCode::Unavailable, CoreTr::tr("database error: %1").arg(message));
}

QList<Migration> PostgresDialect::migrations() const
{
    // The same versions as the embedded store (SqliteDialect), each one script run in one
    // transaction; version 6 is where team mode's guard begins.
    return {
        {1, u"SPEC section 3 schema"_s, {script(u"0001-schema.sql"_s)}},
        {2, u"approval base_version; event lookup index"_s, {script(u"0002-staleness.sql"_s)}},
        {3, u"approval decision-time index"_s, {script(u"0003-decisions.sql"_s)}},
        {4, u"profile history and time indexes for the quality dashboards"_s, {script(u"0004-quality.sql"_s)}},
        {5, u"tenant settings; event tenant foreign key; latest-run order index"_s,
         {script(u"0005-tenant-rules.sql"_s)}},
        {6, u"team mode: identity, row-level security, steward_decide, event numbering and NOTIFY"_s,
         {script(u"0006-team.sql"_s).replace(u"-- @ENTITY_SCHEMA@"_s, entitySchemaRows())}},
        {7, u"HTTP API tokens and idempotency keys"_s, {script(u"0007-api.sql"_s)}},
        {8, u"audit trail hash chain (prev_hash, hash)"_s, {script(u"0008-audit-chain.sql"_s)}},
    };
}

} // namespace steward
