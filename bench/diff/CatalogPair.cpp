#include "CatalogPair.h"

#include "json/JsonNode.h"
#include "json/JsonParser.h"

#include <QList>
#include <QSet>
#include <QString>

#include <random>
#include <set>

using namespace Qt::StringLiterals;
using steward::json::Node;

namespace {

const QStringList kWords = {u"amount"_s,   u"ledger"_s,   u"invoice"_s,  u"gross"_s,   u"net"_s,
                            u"currency"_s, u"rounded"_s,  u"posting"_s,  u"period"_s,  u"supplier"_s,
                            u"customer"_s, u"balance"_s,  u"reported"_s, u"monthly"_s, u"derived"_s,
                            u"from"_s,     u"the"_s,      u"of"_s,       u"in"_s,      u"after"_s,
                            u"tax"_s,      u"exchange"_s, u"rate"_s,     u"company"_s, u"code"_s};
const QStringList kTypes = {u"DECIMAL"_s, u"VARCHAR"_s, u"DATE"_s, u"INTEGER"_s, u"BOOLEAN"_s, u"TIMESTAMP"_s};
const QStringList kTiers = {u"tier1"_s, u"tier2"_s, u"tier3"_s};
const QStringList kSeverities = {u"low"_s, u"medium"_s, u"high"_s, u"critical"_s};

class Generator
{
public:
    explicit Generator(std::uint64_t seed) : m_random(seed) {}

    int pick(int count) { return int(m_random() % std::uint64_t(count)); }
    bool chance(int percent) { return pick(100) < percent; }
    const QString &oneOf(const QStringList &list) { return list.at(pick(int(list.size()))); }

    QString words(int count)
    {
        QStringList text;
        for (int i = 0; i < count; ++i)
            text.append(oneOf(kWords));
        QString sentence = text.join(u' ');
        sentence[0] = sentence[0].toUpper();
        return sentence + u'.';
    }

    // Exact decimal text with a fixed number of places, trailing zeros kept ("95.00").
    Node decimal(int integerLimit, int places)
    {
        const QString integer = QString::number(pick(integerLimit));
        int scale = 1;
        for (int p = 0; p < places; ++p)
            scale *= 10;
        const QString fraction = QString::number(pick(scale)).rightJustified(places, u'0');
        return Node::number((chance(10) ? u"-"_s : QString()) + integer + u'.' + fraction);
    }

    Node rule(int number)
    {
        return Node::object({{u"code"_s, Node::string(u"R%1"_s.arg(number, 3, 10, QChar(u'0')))},
                             {u"severity"_s, Node::string(oneOf(kSeverities))},
                             {u"expression"_s, Node::string(u"value >= "_s + decimal(1000, 2).text())},
                             {u"active"_s, Node::boolean(chance(90))}});
    }

    Node field(const QString &id, int index)
    {
        const QString type = oneOf(kTypes);
        QList<Node> rules;
        for (int r = pick(3); r > 0; --r)
            rules.append(rule(pick(500)));
        QList<Node> sample;
        for (int s = 2 + pick(3); s > 0; --s)
            sample.append(decimal(100000, 2));
        return Node::object({
            {u"id"_s, Node::string(id)},
            {u"name"_s, Node::string(oneOf(kWords) + u'_' + oneOf(kWords) + u'_' + QString::number(index))},
            {u"dataType"_s, Node::string(type)},
            {u"precision"_s, Node::number(QString::number(type == u"DECIMAL"_s ? 18 : 0))},
            {u"scale"_s, Node::number(QString::number(type == u"DECIMAL"_s ? 2 : 0))},
            {u"nullable"_s, Node::boolean(chance(40))},
            {u"description"_s, Node::string(words(6 + pick(20)))},
            {u"quality"_s,
             Node::object({{u"completeness"_s, decimal(1, 4)},
                           {u"uniqueness"_s, decimal(1, 4)},
                           {u"threshold"_s, Node::number(u"95.00"_s)},
                           {u"rowCount"_s, Node::number(QString::number(m_random() % 10'000'000'000ULL))}})},
            {u"rules"_s, Node::array(rules)},
            {u"sample"_s, Node::array(sample)},
        });
    }

    Node entity(int number)
    {
        const QString id = u"ent-%1"_s.arg(number, 6, 10, QChar(u'0'));
        QList<Node> fields;
        for (int f = 0, count = 5 + pick(26); f < count; ++f)
            fields.append(field(u"fld-%1-%2"_s.arg(number, 6, 10, QChar(u'0')).arg(f, 3, 10, QChar(u'0')), f));
        QList<Node> tags;
        for (int t = 1 + pick(3); t > 0; --t)
            tags.append(Node::string(oneOf(kWords)));
        return Node::object({
            {u"id"_s, Node::string(id)},
            {u"type"_s, Node::string(chance(80) ? u"TABLE"_s : u"VIEW"_s)},
            {u"name"_s, Node::string(oneOf(kWords) + u"_lines_"_s + QString::number(number))},
            {u"owner"_s, Node::object({{u"team"_s, Node::string(oneOf(kWords) + u"-data"_s)},
                                       {u"steward"_s, Node::string(u"user.%1"_s.arg(pick(200), 3, 10, QChar(u'0')))}})},
            {u"tier"_s, Node::string(oneOf(kTiers))},
            {u"description"_s, Node::string(words(10 + pick(30)))},
            {u"tags"_s, Node::array(tags)},
            {u"retentionDays"_s, Node::number(QString::number(365 * (1 + pick(10))))},
            {u"amountLimit"_s, Node::number(u"12345678901234567.89"_s)}, // beyond a double's precision
            {u"fields"_s, Node::array(fields)},
            {u"lineage"_s,
             Node::object(
                 {{u"upstream"_s, Node::array({Node::string(u"ent-%1"_s.arg(pick(number + 1), 6, 10, QChar(u'0')))})},
                  {u"refreshedAt"_s, Node::string(u"2024-05-%1T06:00:00Z"_s.arg(1 + pick(28), 2, 10, QChar(u'0')))}})},
        });
    }

private:
    std::mt19937_64 m_random;
};

// Applies edits that are each one patch operation: no two edits touch the same value, an
// entity whose fields are reshaped gets no other edit, and entities come and go last.
class Editor
{
public:
    Editor(Generator &generator, Node &document, bool entityReshapes)
        : m_generator(generator), m_entities(document.member(u"entities"_s)->items()), m_entityReshapes(entityReshapes)
    {
        m_nextEntity = int(m_entities.size());
    }

    void edit()
    {
        for (;;) {
            const int kind = m_generator.pick(100);
            const bool done = kind < 50                        ? changeFieldValue()
                              : kind < 62                      ? changeEntityValue()
                              : kind < 70                      ? addFieldMember()
                              : kind < 76                      ? removeFieldMember()
                              : kind < 86                      ? insertField()
                              : kind < 93                      ? removeField()
                              : kind < 98 || !m_entityReshapes ? moveField()
                                                               : reshapeEntity();
            if (done)
                return;
        }
    }

    // Entity insertions and removals, after every other edit so indices stay put.
    void reshapeEntities()
    {
        for (const QString &id : std::as_const(m_entityRemovals)) {
            m_entities.removeIf([&](const Node &entity) { return entity.member(u"id"_s)->text() == id; });
        }
        for (int e = 0; e < m_entityInsertions; ++e)
            m_entities.insert(m_generator.pick(int(m_entities.size()) + 1), m_generator.entity(m_nextEntity++));
    }

private:
    // An entity no edit has reshaped, or nullptr when this one is taken.
    Node *freeEntity(bool reshaping)
    {
        Node &entity = m_entities[m_generator.pick(int(m_entities.size()))];
        const QString id = entity.member(u"id"_s)->text();
        if (m_reshapedEntities.contains(id) || (reshaping && m_usedEntities.contains(id)))
            return nullptr;
        m_usedEntities.insert(id);
        if (reshaping)
            m_reshapedEntities.insert(id);
        return &entity;
    }

    Node *freeField()
    {
        Node *entity = freeEntity(false);
        if (!entity)
            return nullptr;
        QList<Node> &fields = entity->member(u"fields"_s)->items();
        Node &field = fields[m_generator.pick(int(fields.size()))];
        if (!m_usedFields.insert(field.member(u"id"_s)->text()).second)
            return nullptr;
        return &field;
    }

    bool changeFieldValue()
    {
        Node *field = freeField();
        if (!field)
            return false;
        switch (m_generator.pick(5)) {
        case 0: {
            Node *completeness = field->member(u"quality"_s)->member(u"completeness"_s);
            const QString old = completeness->text();
            while (completeness->text() == old)
                *completeness = m_generator.decimal(1, 4);
            return true;
        }
        case 1:
            field->setMember(u"nullable"_s, Node::boolean(!field->member(u"nullable"_s)->toBool()));
            return true;
        case 2:
            field->setMember(u"description"_s, Node::string(field->member(u"description"_s)->text() + u" Revised."_s));
            return true;
        case 3:
            field->member(u"quality"_s)->setMember(u"threshold"_s, Node::number(u"97.50"_s));
            return true;
        default: {
            QList<Node> &sample = field->member(u"sample"_s)->items();
            Node &value = sample[m_generator.pick(int(sample.size()))];
            const QString old = value.text();
            while (value.text() == old)
                value = m_generator.decimal(100000, 2);
            return true;
        }
        }
    }

    bool changeEntityValue()
    {
        Node *entity = freeEntity(false);
        const QStringList members = {u"description"_s, u"tier"_s, u"owner"_s, u"retentionDays"_s};
        if (!entity)
            return false;
        const QString &which = members.at(m_generator.pick(int(members.size())));
        if (!m_usedEntityMembers.insert(entity->member(u"id"_s)->text() + u'/' + which).second)
            return false;
        if (which == u"description"_s)
            entity->setMember(which, Node::string(m_generator.words(12)));
        else if (which == u"tier"_s)
            entity->setMember(which,
                              Node::string(entity->member(which)->text() == u"tier1"_s ? u"tier2"_s : u"tier1"_s));
        else if (which == u"owner"_s)
            entity->member(which)->setMember(u"steward"_s, Node::string(u"user.900"_s));
        else
            entity->setMember(which, Node::number(QString::number(entity->member(which)->text().toInt() + 1)));
        return true;
    }

    bool reshapeEntity()
    {
        if (m_entityInsertions <= m_entityRemovals.size()) {
            ++m_entityInsertions;
            return true;
        }
        const Node *entity = freeEntity(true);
        if (!entity)
            return false;
        m_entityRemovals.append(entity->member(u"id"_s)->text());
        return true;
    }

    bool addFieldMember()
    {
        Node *field = freeField();
        if (!field)
            return false;
        field->members().append({u"deprecated"_s, Node::boolean(true)});
        return true;
    }

    bool removeFieldMember()
    {
        Node *field = freeField();
        if (!field)
            return false;
        field->removeMember(u"sample"_s);
        return true;
    }

    bool insertField()
    {
        Node *entity = freeEntity(true);
        if (!entity)
            return false;
        QList<Node> &fields = entity->member(u"fields"_s)->items();
        const QString id = entity->member(u"id"_s)->text() + u"-new"_s;
        fields.insert(m_generator.pick(int(fields.size()) + 1), m_generator.field(id, 99));
        return true;
    }

    // The fields of an entity no other edit touches, reserved for one reshaping edit.
    QList<Node> *fieldsToReshape()
    {
        Node *entity = freeEntity(true);
        return entity ? &entity->member(u"fields"_s)->items() : nullptr;
    }

    bool removeField()
    {
        QList<Node> *fields = fieldsToReshape();
        if (fields)
            fields->removeAt(m_generator.pick(int(fields->size())));
        return fields != nullptr;
    }

    bool moveField()
    {
        QList<Node> *reshaped = fieldsToReshape();
        if (!reshaped)
            return false;
        QList<Node> &fields = *reshaped;
        const int from = m_generator.pick(int(fields.size()));
        int to = from;
        while (to == from)
            to = m_generator.pick(int(fields.size()));
        fields.move(from, to);
        return true;
    }

    Generator &m_generator;
    QList<Node> &m_entities;
    bool m_entityReshapes = true;
    int m_nextEntity = 0;
    int m_entityInsertions = 0;
    QStringList m_entityRemovals;
    QSet<QString> m_usedEntities;
    QSet<QString> m_reshapedEntities;
    std::set<QString> m_usedFields;
    std::set<QString> m_usedEntityMembers;
};

} // namespace

CatalogPair makeCatalogPair(const CatalogShape &shape)
{
    const qsizetype bytes = shape.bytes;
    const bool indented = shape.indented;
    Generator generator(shape.seed);
    QList<Node> entities;
    qsizetype size = 0;
    while (size < bytes) {
        entities.append(generator.entity(int(entities.size())));
        size += steward::json::serialize(entities.constLast(), indented).size() + 1;
    }
    const auto catalog = [](QList<Node> items) {
        return Node::object({{u"catalog"_s, Node::string(u"finance-warehouse"_s)},
                             {u"exportedAt"_s, Node::string(u"2024-05-01T12:00:00Z"_s)},
                             {u"schemaVersion"_s, Node::number(u"3"_s)},
                             {u"entities"_s, Node::array(std::move(items))}});
    };
    // Nested entities are indented deeper than measured alone: trim the overshoot.
    Node before = catalog(entities);
    QByteArray text = steward::json::serialize(before, indented);
    while (text.size() > bytes && entities.size() > 1) {
        const qsizetype perEntity = text.size() / entities.size();
        entities.resize(entities.size() - std::max<qsizetype>(1, (text.size() - bytes) / perEntity));
        before = catalog(entities);
        text = steward::json::serialize(before, indented);
    }
    Node after = before;
    Editor editor(generator, after, shape.entityReshapes);
    for (int e = 0; e < shape.edits; ++e)
        editor.edit();
    editor.reshapeEntities();

    CatalogPair pair;
    pair.before = text + '\n';
    pair.after = steward::json::serialize(after, indented) + '\n';
    pair.edits = shape.edits;
    pair.entities = int(entities.size());
    return pair;
}
