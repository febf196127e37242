#include "api/ApiToken.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <array>

namespace steward::ApiSecret {

QByteArray generate()
{
    std::array<quint32, 8> words{};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray random(reinterpret_cast<const char *>(words.data()), qsizetype(sizeof(words)));
    return QByteArrayLiteral("stw_")
           + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString hash(const QByteArray &secret)
{
    return QString::fromLatin1(QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex());
}

} // namespace steward::ApiSecret
