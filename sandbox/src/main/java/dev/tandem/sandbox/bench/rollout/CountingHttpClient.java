package dev.tandem.sandbox.bench.rollout;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTP client that counts the response body bytes it receives, so the benchmark reports what
 * devices really downloaded (resumed or repeated downloads included), not the artifact's size.
 */
final class CountingHttpClient extends HttpClient {
  private final HttpClient inner;
  private final AtomicLong bodyBytes = new AtomicLong();
  private final AtomicLong responses = new AtomicLong();

  CountingHttpClient(HttpClient inner) {
    this.inner = inner;
  }

  /** Response body bytes received so far. */
  long bodyBytes() {
    return bodyBytes.get();
  }

  /** Responses received so far. */
  long responses() {
    return responses.get();
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return inner.send(request, counting(handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return inner.sendAsync(request, counting(handler));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> push) {
    return inner.sendAsync(request, counting(handler), push);
  }

  private <T> HttpResponse.BodyHandler<T> counting(HttpResponse.BodyHandler<T> handler) {
    return info -> {
      responses.incrementAndGet();
      return new Counting<>(handler.apply(info));
    };
  }

  private final class Counting<T> implements HttpResponse.BodySubscriber<T> {
    private final HttpResponse.BodySubscriber<T> inner;

    Counting(HttpResponse.BodySubscriber<T> inner) {
      this.inner = inner;
    }

    @Override
    public CompletionStage<T> getBody() {
      return inner.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      inner.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      long n = 0;
      for (ByteBuffer buffer : item) {
        n += buffer.remaining();
      }
      bodyBytes.addAndGet(n);
      inner.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      inner.onError(throwable);
    }

    @Override
    public void onComplete() {
      inner.onComplete();
    }
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return inner.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return inner.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return inner.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return inner.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return inner.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return inner.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return inner.authenticator();
  }

  @Override
  public Version version() {
    return inner.version();
  }

  @Override
  public Optional<Executor> executor() {
    return inner.executor();
  }
}
