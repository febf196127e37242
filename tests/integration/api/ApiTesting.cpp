#include "ApiTesting.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace steward::testing {
namespace {

QJsonObject fieldPayload(const QString &key, const QString &tier)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Journal amount (API)"_s},
        {u"description"_s, u"Amount of a journal line, described over HTTP."_s},
        {u"domain"_s, u"Finance"_s},
        {u"module"_s, u"GL"_s},
        {u"entityUrn"_s, u"urn:warehouse:finance.journal_lines.amount"_s},
        {u"tier"_s, tier},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"ownerId"_s, u"raj.patel"_s},
        {u"stewardId"_s, u"jonas.weber"_s},
        {u"status"_s, u"active"_s},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                   {u"schema"_s, u"finance"_s},
                                   {u"table"_s, u"journal_lines"_s},
                                   {u"column"_s, u"amount"_s}}},
    };
}

QJsonObject payloadFor(const QString &type, const QString &key, const QString &tier)
{
    if (type == u"GLOBAL_METADATA"_s)
        return fieldPayload(key, tier);
    if (type == u"KPI"_s)
        return QJsonObject{{u"canonicalKey"_s, key},
                           {u"label"_s, u"Journal volume"_s},
                           {u"formula"_s, u"SUM(gl.journal_line.amount)"_s},
                           {u"dependsOn"_s, QJsonArray{u"gl.journal_line.amount"_s}},
                           {u"tier"_s, tier},
                           {u"status"_s, u"active"_s}};
    if (type == u"BUSINESS_RULE"_s)
        return QJsonObject{{u"canonicalKey"_s, key},
                           {u"label"_s, u"Amounts are not absurd"_s},
                           {u"appliesTo"_s, u"gl.journal_line.amount"_s},
                           {u"ruleType"_s, u"range"_s},
                           {u"definition"_s, QJsonObject{{u"min"_s, -1000000000}, {u"max"_s, 1000000000}}},
                           {u"severity"_s, u"error"_s},
                           {u"status"_s, u"active"_s}};
    return QJsonObject{{u"canonicalKey"_s, key},
                       {u"term"_s, u"Journal line"_s},
                       {u"definition"_s, u"One debit or credit of a journal entry."_s},
                       {u"synonyms"_s, QJsonArray{u"posting line"_s}},
                       {u"status"_s, u"active"_s}};
}

} // namespace

QByteArray createBody(const QString &type, const QString &key, const QString &tier, const QString &lane,
                      const QString &role)
{
    return QJsonDocument(QJsonObject{{u"entityType"_s, type},
                                     {u"entityId"_s, QJsonValue()},
                                     {u"entityKey"_s, key},
                                     {u"tier"_s, tier},
                                     {u"lane"_s, lane},
                                     {u"requiredRole"_s, role},
                                     {u"payload"_s, payloadFor(type, key, tier)}})
        .toJson(QJsonDocument::Compact);
}

QString describe(const HttpReply &reply)
{
    return u"HTTP %1 %2 %3"_s.arg(reply.status).arg(QString::fromUtf8(reply.body), reply.error);
}


QString ApiServerFixture::setUp()
{
    if (QString problem = cli.setUp(); !problem.isEmpty())
        return problem;
    const CliRun demo = cli.run({u"init-demo"_s});
    if (demo.exitCode != 0)
        return u"init-demo: "_s + demo.err;
    QString why;
    raj = createToken(cli, u"raj.patel"_s, why);
    jonas = createToken(cli, u"jonas.weber"_s, why);
    tom = createToken(cli, u"tom.baker"_s, why);
    mei = createToken(cli, u"mei.chen"_s, why);
    if (raj.isEmpty() || jonas.isEmpty() || tom.isEmpty() || mei.isEmpty())
        return why;
    serve = cli.startServe({u"--port"_s, u"0"_s, u"--rate-limit"_s, u"10000"_s}, url, why);
    if (!serve)
        return why;
    db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    db.setDatabaseName(cli.databasePath());
    if (!db.open())
        return db.lastError().text();
    return {};
}

QString ApiServerFixture::tearDown()
{
    QString why;
    if (serve && !terminateCleanly(*serve, why))
        return why;
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
    return {};
}

QVariant ApiServerFixture::scalar(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return {};
    return query.value(0);
}

QString ApiServerFixture::pendingIdOf(const QString &tenant) const
{
    return scalar(u"SELECT id FROM mdm_approval WHERE tenant_id = ? AND status = 'pending' ORDER BY id LIMIT 1"_s,
                  {tenant})
        .toString();
}

QString ApiServerFixture::pendingForJonas() const
{
    return scalar(u"SELECT id FROM mdm_approval WHERE tenant_id = ? AND status = 'pending' AND "
                  u"required_role = 'metadata_steward' AND lane <> 'kernel' AND requested_by <> "
                  u"'jonas.weber' ORDER BY id LIMIT 1"_s,
                  {Demo::Tenant})
        .toString();
}

QString createToken(const CliFixture &cli, const QString &user, QString &why, const QStringList &extra)
{
    const CliRun run = cli.run(QStringList{u"--user"_s, user, u"token"_s, u"create"_s} + extra);
    if (run.exitCode != 0) {
        why = u"token create for %1 failed (%2): %3"_s.arg(user).arg(run.exitCode).arg(run.err);
        return {};
    }
    return run.out.section(u'\n', 0, 0).trimmed();
}

HttpReply apiRequest(QNetworkAccessManager &network, const QUrl &server, const QByteArray &verb, const QString &path,
                     const QString &token, const QByteArray &body, const HttpHeaders &extraHeaders)
{
    HttpHeaders headers = extraHeaders;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
    QUrl url = server;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question), QUrl::TolerantMode);
    url.setQuery(question < 0 ? QString() : path.mid(question + 1), QUrl::TolerantMode);
    return httpRequest(network, verb, url, 20000, headers, body);
}

QJsonObject jsonObject(const HttpReply &reply)
{
    return QJsonDocument::fromJson(reply.body).object();
}

QString databaseFingerprint(const QSqlDatabase &database)
{
    QStringList tables = database.tables();
    tables.sort();
    QStringList parts;
    for (const QString &table : tables) {
        if (!table.startsWith(u"mdm_"_s))
            continue;
        QSqlQuery query(database);
        query.exec(u"SELECT * FROM \"%1\" ORDER BY rowid"_s.arg(table));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        int rows = 0;
        while (query.next()) {
            ++rows;
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i) {
                hash.addData(query.value(i).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\x1e", 1));
        }
        parts.append(u"%1:%2:%3"_s.arg(table).arg(rows).arg(QString::fromLatin1(hash.result().toHex().left(16))));
    }
    return parts.join(u'\n');
}

} // namespace steward::testing
