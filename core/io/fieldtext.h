// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCborValue>
#include <QLocale>
#include <QString>

namespace neurorack::fieldtext {

/// The words every document validator uses in its messages, so that a bank, a
/// settings file and panel.json all speak alike.

/// The shortest text that reads back to @p v ("0.1", "12000").
inline QString formatNumber(double v)
{
    return QString::number(v, 'g', QLocale::FloatingPointShortest);
}

/// "a number", "a string", "an object", … for "expected X, got Y" messages.
inline QString typeName(const QCborValue &v)
{
    switch (v.type()) {
    case QCborValue::Integer:
    case QCborValue::Double:
        return QStringLiteral("a number");
    case QCborValue::String:
        return QStringLiteral("a string");
    case QCborValue::Map:
        return QStringLiteral("an object");
    case QCborValue::Array:
        return QStringLiteral("an array");
    case QCborValue::Null:
        return QStringLiteral("null");
    case QCborValue::True:
    case QCborValue::False:
        return QStringLiteral("a boolean");
    case QCborValue::ByteArray:
        return QStringLiteral("a byte string");
    case QCborValue::Undefined:
        return QStringLiteral("undefined");
    default:
        return v.isTag() ? QStringLiteral("a tagged value") : QStringLiteral("an unsupported value");
    }
}

/// The path of field @p key inside @p path ("presets[3].curves").
inline QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

/// The path of element @p index of the array at @p path ("cv[2]").
inline QString at(const QString &path, qsizetype index)
{
    return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace neurorack::fieldtext
