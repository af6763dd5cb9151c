// SPDX-License-Identifier: GPL-3.0-or-later
#include "bank.h"

#include <algorithm>

namespace neurorack {

Bank::Bank()
    : m_slots(kSlotCount)
{
}

const Preset *Bank::preset(int slot) const
{
    if (slot < 0 || slot >= kSlotCount || !m_slots[static_cast<std::size_t>(slot)])
        return nullptr;
    return &*m_slots[static_cast<std::size_t>(slot)];
}

void Bank::setPreset(int slot, const Preset &preset)
{
    Q_ASSERT(slot >= 0 && slot < kSlotCount);
    m_slots[static_cast<std::size_t>(slot)] = preset;
}

void Bank::clearSlot(int slot)
{
    Q_ASSERT(slot >= 0 && slot < kSlotCount);
    m_slots[static_cast<std::size_t>(slot)].reset();
}

QList<int> Bank::filledSlots() const
{
    QList<int> slots;
    for (int i = 0; i < kSlotCount; ++i) {
        if (m_slots[static_cast<std::size_t>(i)])
            slots << i;
    }
    return slots;
}

int Bank::presetCount() const
{
    return static_cast<int>(std::count_if(m_slots.begin(), m_slots.end(), [](const auto &s) { return s.has_value(); }));
}

int Bank::usedSlotCount() const
{
    for (int i = kSlotCount; i > 0; --i) {
        if (m_slots[static_cast<std::size_t>(i - 1)])
            return i;
    }
    return 0;
}

int Bank::slotOf(QStringView presetId) const
{
    for (int i = 0; i < kSlotCount; ++i) {
        const auto &slot = m_slots[static_cast<std::size_t>(i)];
        if (slot && slot->id == presetId)
            return i;
    }
    return -1;
}

int Bank::firstEmptySlot() const
{
    for (int i = 0; i < kSlotCount; ++i) {
        if (!m_slots[static_cast<std::size_t>(i)])
            return i;
    }
    return -1;
}

QString Bank::uniquePresetId(const QString &base) const
{
    const QString stem = limits::isValidId(base) ? base : limits::idFromName(base);
    if (slotOf(stem) < 0)
        return stem;
    for (int n = 2;; ++n) {
        const QString suffix = QLatin1Char('-') + QString::number(n);
        const QString candidate = stem.left(limits::kMaxIdLength - suffix.size()) + suffix;
        if (slotOf(candidate) < 0)
            return candidate;
    }
}

std::optional<Bank::MorphPair> Bank::morphPair() const
{
    if (m_morph)
        return m_morph;
    const QList<int> filled = filledSlots();
    if (filled.isEmpty())
        return std::nullopt;
    return MorphPair{filled.first(), filled.size() > 1 ? filled.at(1) : filled.first()};
}

} // namespace neurorack
