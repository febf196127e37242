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
    QByteArrayList texts;
    texts.reserve(columns.size());
    qsizetype size = 16;
    for (const QVariant &column : columns) {
        texts.append(column.typeId() == QMetaType::QByteArray ? column.toByteArray() : column.toString().toUtf8());
        size += texts.constLast().size() + 24;
    }
    QByteArray text;
    text.reserve(size);
    text.append("mdm_event/1\n");
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns.at(i).isNull()) {
            text.append("~\n");
            continue;
        }
        text.append(QByteArray::number(texts.at(i).size())).append(':').append(texts.at(i)).append('\n');
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
