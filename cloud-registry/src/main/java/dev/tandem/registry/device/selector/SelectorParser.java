package dev.tandem.registry.device.selector;

import dev.tandem.registry.device.selector.Requirement.Operator;
import dev.tandem.registry.device.selector.SelectorField.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the selector syntax, e.g. {@code hardware=jetson-orin,group in (line-1,line-2),
 * tag.site=berlin,!tag.retired}. Terms are separated by commas and must all hold; spaces between
 * tokens are ignored. Errors name the 1-based position and what was expected.
 */
public final class SelectorParser {

  /** The longest selector accepted, in characters. */
  public static final int MAX_LENGTH = 2000;

  private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Set<String> BOOLEANS = Set.of("true", "false");
  private static final Set<String> STATUSES = Set.of("active", "decommissioned");
  private static final String FIELDS = "id, hardware, group, tag.<key>, status, online or drifted";

  private final List<Token> tokens;
  private int next;

  private SelectorParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /**
   * Parses {@code text}; a null or blank selector selects every device.
   *
   * @throws InvalidSelectorException naming the position of the first problem
   */
  public static Selector parse(String text) {
    if (text == null || text.isBlank()) {
      return Selector.ALL;
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSelectorException(
          MAX_LENGTH + 1, "longer than " + MAX_LENGTH + " characters");
    }
    return new SelectorParser(Lexer.tokens(text)).selector();
  }

  private Selector selector() {
    List<Requirement> requirements = new ArrayList<>();
    while (true) {
      requirements.add(term());
      Token after = take();
      if (after.type() == TokenType.END) {
        return new Selector(requirements);
      }
      if (after.type() != TokenType.COMMA) {
        throw error(after, "expected ',' or the end of the selector");
      }
    }
  }

  private Requirement term() {
    Token first = peek();
    if (first.type() == TokenType.NOT) {
      take();
      Token fieldToken = peek();
      SelectorField field = field();
      if (field.kind() != Kind.TAG) {
        throw error(fieldToken, "'!' applies to tags only, e.g. !tag.retired");
      }
      return new Requirement(field, Operator.NOT_EXISTS, List.of());
    }
    Token fieldToken = peek();
    SelectorField field = field();
    Token op = peek();
    switch (op.type()) {
      case COMMA, END -> {
        if (field.kind() != Kind.TAG) {
          throw error(op, "expected '=', '!=', 'in' or 'notin' after '" + field + "'");
        }
        return new Requirement(field, Operator.EXISTS, List.of());
      }
      case EQUALS, NOT_EQUALS -> {
        take();
        Token value = peek();
        String text = value(field);
        check(field, value, text);
        return new Requirement(
            field,
            op.type() == TokenType.EQUALS ? Operator.EQUALS : Operator.NOT_EQUALS,
            List.of(text));
      }
      case WORD -> {
        String word = op.text().toLowerCase(Locale.ROOT);
        if (word.equals("in") || word.equals("notin")) {
          take();
          return new Requirement(
              field, word.equals("in") ? Operator.IN : Operator.NOT_IN, list(field));
        }
        throw error(op, "expected '=', '!=', 'in' or 'notin' after '" + field + "'");
      }
      default ->
          throw error(op, "expected '=', '!=', 'in' or 'notin' after '" + fieldToken.text() + "'");
    }
  }

  private List<String> list(SelectorField field) {
    Token open = take();
    if (open.type() != TokenType.OPEN) {
      throw error(open, "expected '(' to start the list of values");
    }
    List<String> values = new ArrayList<>();
    while (true) {
      Token value = peek();
      String text = value(field);
      check(field, value, text);
      values.add(text);
      Token after = take();
      if (after.type() == TokenType.CLOSE) {
        return values;
      }
      if (after.type() != TokenType.COMMA) {
        throw error(after, "expected ',' or ')' in the list of values");
      }
    }
  }

  private SelectorField field() {
    Token token = take();
    if (token.type() != TokenType.WORD) {
      throw error(token, "expected a field: " + FIELDS);
    }
    String name = token.text();
    if (name.startsWith("tag.")) {
      String key = name.substring(4);
      if (!TAG_KEY.matcher(key).matches()) {
        throw error(
            token,
            "tag key '"
                + key
                + "' must be 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a"
                + " letter or digit");
      }
      return SelectorField.tag(key);
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.TAG && kind.syntaxName().equals(name)) {
        return SelectorField.of(kind);
      }
    }
    throw error(token, "unknown field '" + name + "'; use " + FIELDS);
  }

  private String value(SelectorField field) {
    Token token = take();
    if (token.type() != TokenType.WORD) {
      throw error(token, "expected a value for '" + field + "'");
    }
    return token.text();
  }

  private static void check(SelectorField field, Token token, String value) {
    if ((field.kind() == Kind.ONLINE || field.kind() == Kind.DRIFTED)
        && !BOOLEANS.contains(value)) {
      throw error(token, "'" + field + "' is true or false, not '" + value + "'");
    }
    if (field.kind() == Kind.STATUS && !STATUSES.contains(value)) {
      throw error(token, "status is active or decommissioned, not '" + value + "'");
    }
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.type() != TokenType.END) {
      next++;
    }
    return token;
  }

  private static InvalidSelectorException error(Token token, String expected) {
    String found = token.type() == TokenType.END ? "the end" : "'" + token.text() + "'";
    return new InvalidSelectorException(token.position(), expected + ", found " + found);
  }

  enum TokenType {
    WORD,
    EQUALS,
    NOT_EQUALS,
    NOT,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  /** A token and its 1-based position. */
  record Token(TokenType type, String text, int position) {}

  /** Splits a selector into tokens. */
  static final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String text) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        int position = i + 1;
        if (c == ' ' || c == '\t') {
          i++;
        } else if (c == ',') {
          tokens.add(new Token(TokenType.COMMA, ",", position));
          i++;
        } else if (c == '(') {
          tokens.add(new Token(TokenType.OPEN, "(", position));
          i++;
        } else if (c == ')') {
          tokens.add(new Token(TokenType.CLOSE, ")", position));
          i++;
        } else if (c == '=') {
          boolean twice = i + 1 < text.length() && text.charAt(i + 1) == '=';
          tokens.add(new Token(TokenType.EQUALS, twice ? "==" : "=", position));
          i += twice ? 2 : 1;
        } else if (c == '!') {
          boolean notEquals = i + 1 < text.length() && text.charAt(i + 1) == '=';
          tokens.add(
              new Token(
                  notEquals ? TokenType.NOT_EQUALS : TokenType.NOT,
                  notEquals ? "!=" : "!",
                  position));
          i += notEquals ? 2 : 1;
        } else if (isWordChar(c)) {
          int end = i;
          while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
          }
          tokens.add(new Token(TokenType.WORD, text.substring(i, end), position));
          i = end;
        } else {
          throw new InvalidSelectorException(
              position,
              "character '" + c + "' is not allowed; values use letters, digits and . _ - : / @");
        }
      }
      tokens.add(new Token(TokenType.END, "", text.length() + 1));
      return tokens;
    }

    private static boolean isWordChar(char c) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '-'
          || c == ':'
          || c == '/'
          || c == '@';
    }
  }
}
