package org.pedaflow.notification;

/** Someone who receives a message: an address and the name to greet them with. */
public record Recipient(String address, String name) {}
