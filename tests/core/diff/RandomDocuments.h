#pragma once

// Deterministic random documents and edits for the property test: nested objects and
// arrays, arrays of entities with identity members, long-digit decimals, unicode and
// pointer-hostile keys, long strings, and every edit a change request can make.

#include "json/JsonNode.h"

#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>

namespace steward::testing {

using namespace Qt::StringLiterals;

class RandomDocuments
{
public:
    explicit RandomDocuments(quint32 seed) : m_random(seed) {}

    json::Node document() { return object(0); }

    // A copy of `document` with a few random edits somewhere inside.
    json::Node edited(const json::Node &document)
    {
        json::Node copy = document;
        const int edits = 1 + m_random.bounded(5);
        for (int e = 0; e < edits; ++e)
            editOne(copy);
        return copy;
    }

private:
    using Node = json::Node;
    static constexpr int kMaxDepth = 4;

    int pick(int bound) { return int(m_random.bounded(bound)); }
    bool chance(int percent) { return pick(100) < percent; }
    template <typename T> const T &oneOf(const QList<T> &choices) { return choices.at(pick(int(choices.size()))); }

    QString freshKey(const Node &object)
    {
        static const QStringList names = {u"name"_s,  u"amount"_s, u"a/b"_s, u"~tilde"_s, u""_s,
                                          u"Grüße"_s, u"日本"_s,   u"😀"_s,   u"code"_s,   u"tags"_s};
        for (;;) {
            const QString key = chance(50) ? oneOf(names) : u"k"_s + QString::number(pick(1000));
            if (!object.member(key))
                return key;
        }
    }

    Node number()
    {
        static const QStringList texts = {u"0"_s,
                                          u"-0"_s,
                                          u"1"_s,
                                          u"100"_s,
                                          u"100.0"_s,
                                          u"1e2"_s,
                                          u"12345678901234567.89"_s,
                                          u"12345678901234567.88"_s,
                                          u"-0.000000000000000001"_s,
                                          u"1E-7"_s,
                                          u"1e400"_s,
                                          u"3.14159"_s};
        return chance(50) ? Node::number(oneOf(texts)) : Node::number(QString::number(pick(2000) - 1000));
    }

    Node string()
    {
        static const QStringList words = {u"the"_s,  u"amount"_s, u"Grüße"_s,      u"日本語"_s, u"😀"_s,
                                          u"line"_s, u"tax\t"_s,  u"\"quoted\""_s, u"a/b~c"_s,  u"net"_s};
        const int count = chance(20) ? 15 + pick(20) : pick(4); // sometimes over 60 characters
        QStringList text;
        for (int i = 0; i < count; ++i)
            text.append(oneOf(words));
        return Node::string(text.join(u' '));
    }

    Node scalar()
    {
        switch (pick(5)) {
        case 0:
            return Node::null();
        case 1:
            return Node::boolean(chance(50));
        case 2:
            return number();
        default:
            return string();
        }
    }

    Node entity(int depth, const QString &identityKey)
    {
        Node item = Node::object({{identityKey, chance(50) ? Node::string(u"e"_s + QString::number(m_nextId++))
                                                           : Node::number(QString::number(m_nextId++))}});
        const int fields = pick(4);
        for (int f = 0; f < fields; ++f)
            item.members().append({freshKey(item), depth < kMaxDepth && chance(20) ? value(depth + 1) : scalar()});
        return item;
    }

    Node value(int depth)
    {
        if (depth >= kMaxDepth)
            return scalar();
        switch (pick(6)) {
        case 0:
            return object(depth + 1);
        case 1:
            return array(depth + 1);
        default:
            return scalar();
        }
    }

    Node object(int depth)
    {
        Node node = Node::object();
        const int count = pick(depth == 0 ? 8 : 5) + (depth == 0 ? 2 : 0);
        for (int i = 0; i < count; ++i)
            node.members().append({freshKey(node), value(depth)});
        return node;
    }

    // Arrays of entities (identity), of scalars (often repeating), or of anything.
    Node array(int depth)
    {
        Node node = Node::array();
        const int count = pick(12);
        const int flavour = pick(3);
        const QString identityKey = chance(50) ? u"id"_s : u"canonicalKey"_s;
        for (int i = 0; i < count; ++i) {
            if (flavour == 0)
                node.items().append(entity(depth, identityKey));
            else if (flavour == 1)
                node.items().append(chance(50) ? Node::number(QString::number(pick(5))) : scalar());
            else
                node.items().append(value(depth));
        }
        return node;
    }

    static void collectContainers(Node &node, QList<Node *> &out)
    {
        if (!node.isContainer())
            return;
        out.append(&node);
        if (node.isArray()) {
            for (Node &item : node.items())
                collectContainers(item, out);
        } else {
            for (Node::Member &member : node.members())
                collectContainers(member.second, out);
        }
    }

    // The identity member every item has, or "".
    static QString entityKey(const Node &array)
    {
        for (const QString &key : {u"id"_s, u"canonicalKey"_s}) {
            const bool all = !array.items().isEmpty() &&
                             std::all_of(array.items().cbegin(), array.items().cend(),
                                         [&](const Node &item) { return item.isObject() && item.member(key); });
            if (all)
                return key;
        }
        return {};
    }

    Node reformatted(const Node &number)
    {
        const QString text = number.text();
        if (text.contains(u'e') || text.contains(u'E'))
            return number;
        return Node::number(text.contains(u'.') ? text + u'0' : text + u".0"_s);
    }

    void editOne(Node &document)
    {
        QList<Node *> containers;
        collectContainers(document, containers);
        Node &target = *containers.at(pick(int(containers.size())));
        if (target.isArray())
            editArray(target);
        else
            editObject(target);
    }

    void editArray(Node &array)
    {
        QList<Node> &items = array.items();
        const int size = int(items.size());
        const QString identityKey = entityKey(array);
        const bool entities = !identityKey.isEmpty();
        switch (size == 0 ? 0 : pick(5)) {
        case 0: // insert, often at the head
            items.insert(chance(40) ? 0 : pick(size + 1), entities ? entity(2, identityKey) : value(2));
            return;
        case 1:
            items.removeAt(pick(size));
            return;
        case 2: { // move
            Node moving = items.takeAt(pick(size));
            items.insert(pick(size), std::move(moving));
            return;
        }
        case 3: // change an item in place
            if (entities) {
                Node &item = items[pick(size)];
                item.setMember(freshKey(item), scalar());
            } else {
                items[pick(size)] = items.at(0).isNumber() && chance(50) ? reformatted(items.at(0)) : scalar();
            }
            return;
        default:
            std::reverse(items.begin(), items.end());
            return;
        }
    }

    void editObject(Node &object)
    {
        QList<Node::Member> &members = object.members();
        const int size = int(members.size());
        switch (size == 0 ? 0 : pick(7)) {
        case 0: // add, anywhere
            members.insert(pick(size + 1), {freshKey(object), value(2)});
            return;
        case 1:
            members.removeAt(pick(size));
            return;
        case 2: // rename
            members[pick(size)].first = freshKey(object);
            return;
        case 3: // new value, often of another type
            members[pick(size)].second = value(2);
            return;
        case 4: { // reformat a number, 100 <-> 100.0
            Node &member = members[pick(size)].second;
            member = member.isNumber() ? reformatted(member) : number();
            return;
        }
        case 5: // reorder
            members.swapItemsAt(pick(size), pick(size));
            return;
        default: { // edit a word of a string, or replace a scalar
            Node &member = members[pick(size)].second;
            if (member.isString() && !member.text().isEmpty())
                member = Node::string(member.text() + u" more"_s);
            else if (!member.isContainer())
                member = scalar();
            return;
        }
        }
    }

    QRandomGenerator m_random;
    int m_nextId = 1;
};

} // namespace steward::testing
