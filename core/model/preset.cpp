// SPDX-License-Identifier: GPL-3.0-or-later
#include "preset.h"

namespace neurorack {

QString presetSourceKey(PresetSource source)
{
    switch (source) {
    case PresetSource::Drawn:
        return QStringLiteral("drawn");
    case PresetSource::Analysed:
        return QStringLiteral("analysed");
    case PresetSource::Generated:
        return QStringLiteral("generated");
    }
    return {};
}

std::optional<PresetSource> presetSourceFromKey(QStringView key)
{
    for (const auto s : {PresetSource::Drawn, PresetSource::Analysed, PresetSource::Generated}) {
        if (key == presetSourceKey(s))
            return s;
    }
    return std::nullopt;
}

namespace limits {

namespace {
bool isIdChar(QChar c, bool first)
{
    const char16_t u = c.unicode();
    const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
    return alnum || (!first && (u == '.' || u == '_' || u == '-'));
}
} // namespace

bool isValidId(QStringView id)
{
    if (id.isEmpty() || id.size() > kMaxIdLength)
        return false;
    for (qsizetype i = 0; i < id.size(); ++i) {
        if (!isIdChar(id.at(i), i == 0))
            return false;
    }
    return true;
}

QString idFromName(QStringView name)
{
    QString id;
    bool pendingDash = false;
    for (const QChar c : name) {
        const QChar lower = c.toLower();
        if (isIdChar(lower, true)) {
            if (pendingDash && !id.isEmpty())
                id += QLatin1Char('-');
            id += lower;
            pendingDash = false;
        } else {
            pendingDash = true;
        }
        if (id.size() >= kMaxIdLength)
            break;
    }
    return id.isEmpty() ? QStringLiteral("preset") : id.left(kMaxIdLength);
}

} // namespace limits
} // namespace neurorack
