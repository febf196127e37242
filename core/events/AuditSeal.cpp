#include "events/AuditSeal.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace steward::AuditSeal {

QString genesisHash()
{
    return QString(64, u'0');
}

QByteArray canonicalText(const QVariantList &columns)
{
    QByteArray text = "mdm_event/1\n";
    for (const QVariant &column : columns) {
        if (column.isNull()) {
            text += "~\n";
            continue;
        }
        const QByteArray bytes = column.toString().toUtf8();
        text += QByteArray::number(bytes.size()) + ':' + bytes + '\n';
    }
    return text;
}

QString hash(const QString &previousHash, const QByteArray &canonical)
{
    QCryptographicHash sha256(QCryptographicHash::Sha256);
    sha256.addData(previousHash.toUtf8());
    sha256.addData(canonical);
    return QString::fromLatin1(sha256.result().toHex());
}

} // namespace steward::AuditSeal
