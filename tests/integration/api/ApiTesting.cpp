#include "ApiTesting.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace steward::testing {

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
