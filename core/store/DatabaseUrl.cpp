#include "store/DatabaseUrl.h"

#include "Tr.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace steward {

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    if (text.startsWith(u"sqlite:"_s)) {
        QString path = text.mid(7);
        if (path.startsWith(u"//"_s))
            path = path.mid(2);
        if (path.isEmpty())
            return Error::invalid(u"--db"_s, CoreTr::tr("sqlite: needs a file path, e.g. sqlite:/tmp/steward.db"));
        return sqlite(path);
    }
    if (text.startsWith(u"postgresql://"_s) || text.startsWith(u"postgres://"_s)) {
        const QUrl url(text);
        if (!url.isValid() || url.host().isEmpty())
            return Error::invalid(u"--db"_s, CoreTr::tr("not a valid PostgreSQL URI: %1").arg(text));
        if (!url.password().isEmpty())
            return Error::invalid(u"--db"_s,
                                  CoreTr::tr("put the password in ~/.pgpass or PGPASSWORD, not in the URI"));
        DatabaseUrl result;
        result.kind = Kind::Postgres;
        result.host = url.host();
        result.port = url.port(5432);
        result.user = url.userName();
        result.databaseName = url.path().mid(1);
        if (result.user.isEmpty() || result.databaseName.isEmpty())
            return Error::invalid(u"--db"_s, CoreTr::tr("a team database URI names the user and the database: "
                                                        "postgresql://user@host:port/db"));
        const QUrlQuery query(url);
        for (const auto &[key, value] : query.queryItems()) {
            if (key != u"sslmode"_s)
                return Error::invalid(u"--db"_s, CoreTr::tr("unknown option %1 in the database URI (only sslmode)").arg(key));
            static const QStringList modes{u"disable"_s, u"allow"_s, u"prefer"_s, u"require"_s, u"verify-ca"_s,
                                           u"verify-full"_s};
            if (!modes.contains(value))
                return Error::invalid(u"--db"_s, CoreTr::tr("sslmode must be one of %1").arg(modes.join(u", "_s)));
            result.sslMode = value;
        }
        return result;
    }
    return Error::invalid(u"--db"_s,
                          CoreTr::tr("expected sqlite:PATH or postgresql://user@host:port/db, got \"%1\"").arg(text));
}

DatabaseUrl DatabaseUrl::sqlite(const QString &path)
{
    DatabaseUrl result;
    result.kind = Kind::Sqlite;
    result.path = path;
    return result;
}

DatabaseUrl DatabaseUrl::userDefault()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return sqlite(QDir(dir).filePath(u"steward.db"_s));
}

QString DatabaseUrl::toString() const
{
    if (kind == Kind::Sqlite)
        return u"sqlite:"_s + path;
    QString text = u"postgresql://%1@%2:%3/%4"_s.arg(QString::fromUtf8(QUrl::toPercentEncoding(user)), host)
                       .arg(port)
                       .arg(databaseName);
    if (!sslMode.isEmpty())
        text += u"?sslmode="_s + sslMode;
    return text;
}

} // namespace steward
