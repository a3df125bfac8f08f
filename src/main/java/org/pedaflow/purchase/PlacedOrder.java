package org.pedaflow.purchase;

import java.time.LocalDate;

/** A purchase order placed in the finance system: its number ({@code PO-YYYY-NNNN}) and the day it was placed. */
public record PlacedOrder(String number, LocalDate placedOn) {}
