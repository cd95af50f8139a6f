package org.luvhive.core.chat;

import java.util.Optional;
import org.luvhive.core.user.UserProfile;

/** Who sent a message and the chat they are in, read in one statement ({@link Chats#sender}). */
public record SenderState(UserProfile profile, Optional<ChatMembership> chat) {
}
